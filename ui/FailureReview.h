#pragma once
// Triage marks on flagged failure ranges: a range the user has looked at ("reviewed") or decided
// to leave as it is ("ignored"). Stored in the project (ProjectData::failure_reviews, undoable)
// and in its file. A mark covers a span of frames of one kind: a flagged range inside that span
// carries the mark, so a range that shrinks when λ changes stays marked, and one that grows
// beyond what was reviewed asks to be looked at again. Pure data and functions, no widgets.

#include <QString>
#include <optional>
#include <vector>

#include "pipeline/SessionTypes.h"

namespace cf::ui {

enum class ReviewStatus { Reviewed, Ignored };

/// "reviewed", "ignored" (the project file's names).
const char* reviewStatusName(ReviewStatus status);
bool reviewStatusFromName(const QString& name, ReviewStatus* status);

struct FailureReview {
  analysis::FlagKind kind = analysis::FlagKind::Sepia;
  int64_t first_frame = 0;
  int64_t last_frame = 0;  ///< inclusive
  ReviewStatus status = ReviewStatus::Reviewed;
  bool operator==(const FailureReview& o) const {
    return kind == o.kind && first_frame == o.first_frame && last_frame == o.last_frame &&
           status == o.status;
  }
};

/// The mark of a flagged range: the last mark of its kind whose span contains it.
std::optional<ReviewStatus> reviewOf(const std::vector<FailureReview>& reviews,
                                     const pipeline::FailureRange& range);

/// `reviews` with the range marked `status` (nullopt: unmarked). Marks of the same kind that the
/// range overlaps are replaced; returns the new list.
std::vector<FailureReview> withReview(std::vector<FailureReview> reviews,
                                      const pipeline::FailureRange& range,
                                      std::optional<ReviewStatus> status);

/// Flagged ranges per kind, indexed by FlagKind.
std::vector<int> countPerKind(const std::vector<pipeline::FailureRange>& failures);

}  // namespace cf::ui
