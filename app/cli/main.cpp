// chromaflow-cli: colourise black-and-white video from the command line.

#include <unistd.h>
#include <QCoreApplication>
#include <QTextStream>
#include <cstdlib>
#include <cstring>

#include "Command.h"
#include "OpenMpPolicy.h"

namespace {

void printUsage(QTextStream& out) {
  out << "Usage: chromaflow-cli COMMAND [OPTIONS] [ARGS]\n\nCommands:\n";
  int count = 0;
  const cf::app::Command* commands = cf::app::commandTable(&count);
  for (int i = 0; i < count; ++i)
    out << "  " << QString::fromLatin1(commands[i].name).leftJustified(16) << ' '
        << QString::fromLatin1(commands[i].summary) << '\n';
  out << "\nRun 'chromaflow-cli COMMAND --help' for the options of one command.\n";
}

}  // namespace

int main(int argc, char** argv) {
  cf::app::ensurePassiveOpenMpWait(argv);
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("chromaflow-cli"));
  QCoreApplication::setOrganizationName(QStringLiteral("Chromaflow"));
  QCoreApplication::setApplicationVersion(QStringLiteral(CHROMAFLOW_VERSION));

  QStringList args = QCoreApplication::arguments();
  args.removeFirst();
  QTextStream out(stdout);
  QTextStream err(stderr);
  if (args.isEmpty() || args.first() == QLatin1String("--help") ||
      args.first() == QLatin1String("-h") || args.first() == QLatin1String("help")) {
    printUsage(out);
    return args.isEmpty() ? 2 : 0;
  }
  if (args.first() == QLatin1String("--version"))
    args.first() = QStringLiteral("version");

  const QString name = args.takeFirst();
  int count = 0;
  const cf::app::Command* commands = cf::app::commandTable(&count);
  for (int i = 0; i < count; ++i) {
    if (name == QLatin1String(commands[i].name))
      return commands[i].run(args);
  }
  err << "chromaflow-cli: unknown command '" << name << "'. ";
  err << "Run 'chromaflow-cli --help' for the list of commands.\n";
  return 2;
}
