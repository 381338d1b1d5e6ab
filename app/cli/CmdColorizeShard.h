#pragma once
// The cluster side of `chromaflow-cli colorize`: --plan N prints how a film is cut into shards,
// --shard I/N and --range A:B render one shard as lossless FFV1 with its manifest
// (core/pipeline/ShardPlan.h, ShardManifest.h). `chromaflow-cli concat` joins the shards.

#include <QCommandLineParser>

#include "pipeline/SessionTypes.h"

namespace cf::app {

/// --plan, --json, --shard, --range.
void addShardOptions(QCommandLineParser& parser);
/// True when one of --plan, --shard or --range is set.
bool isShardMode(const QCommandLineParser& parser);
/// Runs the shard mode of colorize (the parser has been parsed); returns the exit code.
int runColorizeShard(const QCommandLineParser& parser, const pipeline::SessionSettings& settings);

}  // namespace cf::app
