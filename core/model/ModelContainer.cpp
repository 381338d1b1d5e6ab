#include "model/ModelContainer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QtEndian>
#include <cstring>

namespace cf::model {

namespace {

constexpr qint64 kMagicSize = 16;
constexpr qint64 kHeaderSize = kMagicSize + 4 + 4 + 8;  // magic, version, reserved, card length

std::string quoted(const QString& path) {
  return "'" + path.toStdString() + "'";
}

Error missingFile(const QString& path) {
  return makeError("model file " + quoted(path) +
                   " does not exist: check the path, or choose a .cfmodel or TorchScript "
                   "model file");
}

Error notAFile(const QString& path) {
  return makeError("cannot open model file " + quoted(path) +
                   ": it is not a regular file (a folder, named pipe or device). Give the path "
                   "of a .cfmodel or TorchScript file.");
}

Error corrupt(const QString& path, const std::string& what) {
  return makeError("model file " + quoted(path) + " is corrupt or truncated (" + what +
                   "): copy or export the model again");
}

}  // namespace

Result<ModelFileKind> detectModelFile(const QString& path) {
  if (!QFileInfo::exists(path))
    return missingFile(path);
  if (!QFileInfo(path).isFile())  // a FIFO would block the read forever
    return notAFile(path);
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return makeError("cannot open model file " + quoted(path) + ": " +
                     f.errorString().toStdString());
  const QByteArray head = f.read(kMagicSize);
  if (head.size() == kMagicSize && std::memcmp(head.constData(), kModelMagic, kMagicSize) == 0)
    return ModelFileKind::Chromaflow;
  if (head.startsWith(QByteArray("PK\x03\x04", 4)))
    return ModelFileKind::TorchScript;
  if (head.size() < kMagicSize && QByteArray(kModelMagic).startsWith(head))
    return corrupt(path, "file ends inside the header");
  return makeError("file " + quoted(path) +
                   " is neither a Chromaflow model (.cfmodel) nor a TorchScript archive");
}

Result<ModelContainer> readModelContainer(const QString& path) {
  if (!QFileInfo::exists(path))
    return missingFile(path);
  if (!QFileInfo(path).isFile())  // a FIFO would block the read forever
    return notAFile(path);
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return makeError("cannot open model file " + quoted(path) + ": " +
                     f.errorString().toStdString());
  const QByteArray all = f.readAll();
  const qint64 size = all.size();
  // The header and the weights' length field (8 bytes after the card) at least; a shorter file
  // made the card-length check below wrap around and read past the end (found by fuzzing).
  if (size < kHeaderSize + 8)
    return corrupt(path, "only " + std::to_string(size) + " bytes, shorter than the header");
  if (std::memcmp(all.constData(), kModelMagic, kMagicSize) != 0)
    return makeError("file " + quoted(path) + " is not a Chromaflow model file (bad header)");
  const auto* p = reinterpret_cast<const uchar*>(all.constData());
  const quint32 version = qFromLittleEndian<quint32>(p + kMagicSize);
  if (version != kContainerVersion)
    return makeError("model file " + quoted(path) + " uses container version " +
                     std::to_string(version) + "; this build reads version " +
                     std::to_string(kContainerVersion) + ": update Chromaflow");
  const quint64 card_len = qFromLittleEndian<quint64>(p + kMagicSize + 8);
  if (card_len > static_cast<quint64>(size - kHeaderSize - 8))
    return corrupt(path, "model card runs past the end of the file");
  const qint64 weights_at = kHeaderSize + static_cast<qint64>(card_len) + 8;
  const quint64 weights_len = qFromLittleEndian<quint64>(p + weights_at - 8);
  if (weights_len != static_cast<quint64>(size - weights_at))
    return corrupt(path, "expected " + std::to_string(weights_at + weights_len) + " bytes, found " +
                             std::to_string(size));
  ModelContainer c;
  c.card_json = all.mid(kHeaderSize, static_cast<qsizetype>(card_len));
  c.weights = all.mid(weights_at);
  return c;
}

Status writeModelContainer(const QString& path, const ModelContainer& container) {
  QByteArray out;
  out.reserve(kHeaderSize + container.card_json.size() + 8 + container.weights.size());
  out.append(kModelMagic, kMagicSize);
  uchar buf[8] = {};
  qToLittleEndian<quint32>(kContainerVersion, buf);
  out.append(reinterpret_cast<const char*>(buf), 4);
  qToLittleEndian<quint32>(0, buf);
  out.append(reinterpret_cast<const char*>(buf), 4);
  qToLittleEndian<quint64>(static_cast<quint64>(container.card_json.size()), buf);
  out.append(reinterpret_cast<const char*>(buf), 8);
  out.append(container.card_json);
  qToLittleEndian<quint64>(static_cast<quint64>(container.weights.size()), buf);
  out.append(reinterpret_cast<const char*>(buf), 8);
  out.append(container.weights);

  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly))
    return makeError("cannot write model file " + quoted(path) + ": " +
                     f.errorString().toStdString());
  if (f.write(out) != out.size() || !f.commit())
    return makeError("writing model file " + quoted(path) +
                     " failed: " + f.errorString().toStdString() + " (disk full?)");
  return Status::success();
}

QString weightsSha256(const QByteArray& weights) {
  return QString::fromLatin1(QCryptographicHash::hash(weights, QCryptographicHash::Sha256).toHex());
}

}  // namespace cf::model
