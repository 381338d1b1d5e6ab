#include <QStringList>
namespace cf::app {
int runGrey(const QStringList&) {
  return 3;
}
}  // namespace cf::app
