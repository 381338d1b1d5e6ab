#pragma once
// A small model file with random weights (fixed seed), for tests that need the whole pipeline
// but not good colours. Real colours come from the shipped model.

#include <QString>

namespace cf::test {

/// Writes a "tiny"-preset classification model to `path`; returns an empty string on success.
QString makeTinyModel(const QString& path, unsigned seed = 1);

}  // namespace cf::test
