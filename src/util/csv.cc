#include "util/csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace tamiz::util {

CsvReader::CsvReader(std::string name, std::string_view data, CsvOptions options)
    : name_(std::move(name)), data_(data), options_(options) {
  if (options_.strip_eof_marker) {
    while (!data_.empty() && (data_.back() == '\x1a')) data_.remove_suffix(1);
  }
  // Skip a UTF-8 byte-order mark.
  if (data_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool CsvReader::Next(std::vector<std::string>& fields) {
  fields.clear();
  if (!status_.ok()) return false;
  // Skip blank lines between records.
  while (pos_ < data_.size() && (data_[pos_] == '\n' || data_[pos_] == '\r')) {
    if (data_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= data_.size()) return false;
  record_line_ = line_;
  std::string field;
  while (true) {
    field.clear();
    if (pos_ < data_.size() && data_[pos_] == '"') {
      size_t quote_line = line_;
      ++pos_;
      bool closed = false;
      while (pos_ < data_.size()) {
        if (data_[pos_] == '"') {
          if (pos_ + 1 < data_.size() && data_[pos_ + 1] == '"') {
            field.push_back('"');
            pos_ += 2;
            continue;
          }
          ++pos_;
          closed = true;
          break;
        }
        // The run up to the next quote, copied whole. Over the limit, stop where a byte by byte
        // copy would: at the first byte past it (SkipToNextLine goes on from there).
        size_t end = std::min(data_.find('"', pos_), data_.size());
        size_t room =
            options_.max_field_bytes + 1 - std::min(field.size(), options_.max_field_bytes);
        bool too_long = end - pos_ >= room;
        if (too_long) end = pos_ + room;
        std::string_view run = data_.substr(pos_, end - pos_);
        line_ += static_cast<size_t>(std::count(run.begin(), run.end(), '\n'));
        field.append(run);
        pos_ = end;
        if (too_long) {
          status_ = Status::DataError(fmt::format("{}:{}: field {} is longer than {} bytes", name_,
                                                  quote_line, fields.size() + 1,
                                                  options_.max_field_bytes));
          return false;
        }
      }
      if (!closed) {
        status_ = Status::DataError(fmt::format("{}:{}: field {}: unterminated quote", name_,
                                                quote_line, fields.size() + 1));
        return false;
      }
      // Tolerate junk between the closing quote and the delimiter (e.g. `"x" ,`), as OFAC
      // files put a space after -0- and some exporters pad quoted fields.
      while (pos_ < data_.size() && data_[pos_] != options_.delimiter && data_[pos_] != '\n' &&
             data_[pos_] != '\r') {
        if (data_[pos_] != ' ' && data_[pos_] != '\t') {
          status_ = Status::DataError(
              fmt::format("{}:{}: field {}: unexpected character after closing quote", name_, line_,
                          fields.size() + 1));
          return false;
        }
        ++pos_;
      }
    } else {
      const char stops[] = {options_.delimiter, '\n', '\r'};
      size_t end = std::min(data_.find_first_of(std::string_view(stops, 3), pos_), data_.size());
      if (end - pos_ > options_.max_field_bytes) {
        pos_ += options_.max_field_bytes + 1;
        status_ =
            Status::DataError(fmt::format("{}:{}: field {} is longer than {} bytes", name_, line_,
                                          fields.size() + 1, options_.max_field_bytes));
        return false;
      }
      field.assign(data_.substr(pos_, end - pos_));
      pos_ = end;
    }
    fields.push_back(field);
    if (fields.size() > options_.max_fields) {
      status_ = Status::DataError(
          fmt::format("{}:{}: more than {} fields", name_, record_line_, options_.max_fields));
      return false;
    }
    if (pos_ >= data_.size()) return true;
    char c = data_[pos_];
    if (c == options_.delimiter) {
      ++pos_;
      continue;
    }
    // End of record: consume \r\n, \n or \r.
    if (c == '\r') ++pos_;
    if (pos_ < data_.size() && data_[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    return true;
  }
}

void CsvReader::SkipToNextLine() {
  status_ = Status::Ok();
  while (pos_ < data_.size() && data_[pos_] != '\n') ++pos_;
  if (pos_ < data_.size()) {
    ++pos_;
    ++line_;
  }
}

std::vector<std::string> NormalizeHeader(const std::vector<std::string>& header) {
  std::vector<std::string> out;
  out.reserve(header.size());
  for (const auto& h : header) {
    std::string s;
    for (char c : h) s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    auto b = s.find_first_not_of(" \t\xEF\xBB\xBF");
    auto e = s.find_last_not_of(" \t");
    out.push_back(b == std::string::npos ? std::string() : s.substr(b, e - b + 1));
  }
  return out;
}

}  // namespace tamiz::util
