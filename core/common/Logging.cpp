#include "common/Logging.h"

Q_LOGGING_CATEGORY(lcMedia, "chromaflow.media", QtInfoMsg)
Q_LOGGING_CATEGORY(lcColor, "chromaflow.color", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModel, "chromaflow.model", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTemporal, "chromaflow.temporal", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAnalysis, "chromaflow.analysis", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPipeline, "chromaflow.pipeline", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTrain, "chromaflow.train", QtInfoMsg)
