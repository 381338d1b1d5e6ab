#include "FailureReview.h"

#include <algorithm>

namespace cf::ui {

const char* reviewStatusName(ReviewStatus status) {
  return status == ReviewStatus::Ignored ? "ignored" : "reviewed";
}

bool reviewStatusFromName(const QString& name, ReviewStatus* status) {
  for (ReviewStatus s : {ReviewStatus::Reviewed, ReviewStatus::Ignored}) {
    if (name == QLatin1String(reviewStatusName(s))) {
      *status = s;
      return true;
    }
  }
  return false;
}

std::optional<ReviewStatus> reviewOf(const std::vector<FailureReview>& reviews,
                                     const pipeline::FailureRange& range) {
  std::optional<ReviewStatus> found;
  for (const FailureReview& r : reviews)
    if (r.kind == range.kind && r.first_frame <= range.first_frame &&
        r.last_frame >= range.last_frame)
      found = r.status;
  return found;
}

std::vector<FailureReview> withReview(std::vector<FailureReview> reviews,
                                      const pipeline::FailureRange& range,
                                      std::optional<ReviewStatus> status) {
  reviews.erase(std::remove_if(reviews.begin(), reviews.end(),
                               [&](const FailureReview& r) {
                                 return r.kind == range.kind && r.first_frame <= range.last_frame &&
                                        r.last_frame >= range.first_frame;
                               }),
                reviews.end());
  if (status)
    reviews.push_back(FailureReview{range.kind, range.first_frame, range.last_frame, *status});
  std::sort(reviews.begin(), reviews.end(), [](const FailureReview& a, const FailureReview& b) {
    return a.first_frame != b.first_frame ? a.first_frame < b.first_frame
                                          : int(a.kind) < int(b.kind);
  });
  return reviews;
}

std::vector<int> countPerKind(const std::vector<pipeline::FailureRange>& failures) {
  std::vector<int> counts(size_t(analysis::FlagKind::Motion) + 1, 0);
  for (const auto& f : failures)
    ++counts[size_t(f.kind)];
  return counts;
}

}  // namespace cf::ui
