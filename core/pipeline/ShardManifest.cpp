#include "pipeline/ShardManifest.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <numeric>

namespace cf::pipeline {

namespace {

std::string shortName(const std::string& path) {
  return QFileInfo(QString::fromStdString(path)).fileName().toStdString();
}

std::string quoted(const std::string& path) {
  return "'" + shortName(path) + "'";
}

std::string rangeText(const ShardManifest& m) {
  return "frames " + std::to_string(m.first) + ".." + std::to_string(m.last);
}

}  // namespace

std::string ShardManifest::toJson() const {
  const QJsonObject o{
      {QStringLiteral("format"), format},
      {QStringLiteral("source_name"), QString::fromStdString(source_name)},
      {QStringLiteral("source_fingerprint"), QString::fromStdString(source_fingerprint)},
      {QStringLiteral("source_frames"), static_cast<qint64>(source_frames)},
      {QStringLiteral("model_fingerprint"), QString::fromStdString(model_fingerprint)},
      {QStringLiteral("settings"), QString::fromStdString(settings)},
      {QStringLiteral("first"), static_cast<qint64>(first)},
      {QStringLiteral("last"), static_cast<qint64>(last)},
      {QStringLiteral("shard_index"), shard_index},
      {QStringLiteral("shard_count"), shard_count},
  };
  return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Result<ShardManifest> ShardManifest::fromJson(const std::string& json) {
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
  if (!doc.isObject())
    return makeError("the shard manifest is not valid JSON (" + error.errorString().toStdString() +
                     ")");
  const QJsonObject o = doc.object();
  ShardManifest m;
  m.format = o.value(QStringLiteral("format")).toInt(0);
  if (m.format != 1)
    return makeError("the shard manifest has format " + std::to_string(m.format) +
                     "; this version of Chromaflow reads format 1: make the shards and join them "
                     "with the same version");
  m.source_name = o.value(QStringLiteral("source_name")).toString().toStdString();
  m.source_fingerprint = o.value(QStringLiteral("source_fingerprint")).toString().toStdString();
  m.source_frames = o.value(QStringLiteral("source_frames")).toInteger(0);
  m.model_fingerprint = o.value(QStringLiteral("model_fingerprint")).toString().toStdString();
  m.settings = o.value(QStringLiteral("settings")).toString().toStdString();
  m.first = o.value(QStringLiteral("first")).toInteger(-1);
  m.last = o.value(QStringLiteral("last")).toInteger(-1);
  m.shard_index = o.value(QStringLiteral("shard_index")).toInt(-1);
  m.shard_count = o.value(QStringLiteral("shard_count")).toInt(0);
  if (m.source_fingerprint.empty() || m.first < 0 || m.last < m.first || m.source_frames <= m.last)
    return makeError(
        "the shard manifest is incomplete (no source fingerprint or a bad frame range)");
  return m;
}

Result<std::string> sourceFingerprint(const std::string& path) {
  QFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::ReadOnly))
    return makeError("cannot read '" + path +
                     "' to fingerprint it: " + file.errorString().toStdString());
  const qint64 size = file.size();
  constexpr qint64 kBlock = 64 * 1024;
  constexpr qint64 kBlocks = 64;
  QCryptographicHash hash(QCryptographicHash::Sha256);
  hash.addData(QByteArray::number(size));
  if (size <= kBlock * kBlocks) {
    if (!hash.addData(&file))
      return makeError("cannot read '" + path + "' to fingerprint it");
  } else {
    for (qint64 i = 0; i < kBlocks; ++i) {
      const qint64 offset = (size - kBlock) * i / (kBlocks - 1);
      if (!file.seek(offset))
        return makeError("cannot read '" + path + "' to fingerprint it");
      const QByteArray block = file.read(kBlock);
      if (block.size() != kBlock)
        return makeError("cannot read '" + path + "' to fingerprint it (short read)");
      hash.addData(block);
    }
  }
  return hash.result().toHex().toStdString();
}

Result<std::string> fileSha256(const std::string& path) {
  QFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::ReadOnly))
    return makeError("cannot read '" + path + "': " + file.errorString().toStdString());
  QCryptographicHash hash(QCryptographicHash::Sha256);
  if (!hash.addData(&file))
    return makeError("cannot read '" + path + "'");
  return hash.result().toHex().toStdString();
}

Status checkShardSet(const std::vector<std::string>& paths,
                     const std::vector<ShardManifest>& manifests) {
  if (manifests.empty())
    return makeError("no shards given: pass the shard files in order, then the output");
  const ShardManifest& ref = manifests.front();
  for (size_t i = 1; i < manifests.size(); ++i) {
    const ShardManifest& m = manifests[i];
    if (m.source_fingerprint != ref.source_fingerprint || m.source_frames != ref.source_frames)
      return makeError("shard " + quoted(paths[i]) + " was made from another film ('" +
                       m.source_name + "', " + std::to_string(m.source_frames) + " frames) than " +
                       quoted(paths[0]) + " ('" + ref.source_name + "', " +
                       std::to_string(ref.source_frames) +
                       " frames): a foreign shard; join only shards of one film");
    if (m.model_fingerprint != ref.model_fingerprint)
      return makeError("shard " + quoted(paths[i]) + " was made with another model than " +
                       quoted(paths[0]) + ": render every shard with the same model file");
    if (m.settings != ref.settings)
      return makeError("shard " + quoted(paths[i]) + " was made with other settings than " +
                       quoted(paths[0]) + " (" + m.settings + " vs " + ref.settings +
                       "): render every shard with the same options");
  }
  // Order and coverage. Sorted by first frame, the shards must tile 0..frames-1.
  std::vector<size_t> order(manifests.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return manifests[a].first < manifests[b].first; });
  for (size_t k = 1; k < order.size(); ++k) {
    const ShardManifest& prev = manifests[order[k - 1]];
    const ShardManifest& cur = manifests[order[k]];
    if (cur.first <= prev.last)
      return makeError("shards " + quoted(paths[order[k - 1]]) + " (" + rangeText(prev) + ") and " +
                       quoted(paths[order[k]]) + " (" + rangeText(cur) +
                       ") hold the same frames: a duplicated shard; pass each shard once");
  }
  int64_t expected = 0;
  for (size_t k = 0; k < order.size(); ++k) {
    const ShardManifest& m = manifests[order[k]];
    if (m.first != expected)
      return makeError("frames " + std::to_string(expected) + ".." + std::to_string(m.first - 1) +
                       " of '" + ref.source_name + "' are in none of the shards given: a missing " +
                       "shard; render it (e.g. --range " + std::to_string(expected) + ":" +
                       std::to_string(m.first - 1) + ") and pass it too");
    expected = m.last + 1;
  }
  if (expected != ref.source_frames)
    return makeError("frames " + std::to_string(expected) + ".." +
                     std::to_string(ref.source_frames - 1) + " of '" + ref.source_name +
                     "' are in none of the shards given: a missing shard at the end; render it " +
                     "(e.g. --range " + std::to_string(expected) + ":" +
                     std::to_string(ref.source_frames - 1) + ") and pass it too");
  for (size_t i = 0; i < order.size(); ++i)
    if (order[i] != i) {
      std::string right;
      for (size_t k : order)
        right += " " + shortName(paths[k]);
      return makeError("the shards are out of order: " + quoted(paths[i]) + " holds " +
                       rangeText(manifests[i]) + " but is given in place " + std::to_string(i + 1) +
                       "; pass them in frame order:" + right);
    }
  return {};
}

}  // namespace cf::pipeline
