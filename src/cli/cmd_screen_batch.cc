#include "cli/commands.h"

namespace tamiz::cli {

int RunBatchScreen(Context&, const std::string&, const std::string&, const Query&) {
  return ReportError(Status::Unavailable("screen --input: batch screening not implemented yet"));
}

}  // namespace tamiz::cli
