#pragma once
// An exact ratio such as a frame rate (30000/1001), a time base (1/90000) or a pixel aspect (4/3).

#include <cstdint>

namespace cf::media {

struct Rational {
  int num = 0;
  int den = 1;

  bool valid() const { return num != 0 && den != 0; }
  double toDouble() const { return den == 0 ? 0.0 : static_cast<double>(num) / den; }
  bool operator==(const Rational& other) const {
    return static_cast<int64_t>(num) * other.den == static_cast<int64_t>(other.num) * den;
  }
  bool operator!=(const Rational& other) const { return !(*this == other); }
};

}  // namespace cf::media
