// Writing a result file so that it is whole or absent: the bytes go to a temporary file beside the
// target, every write and the final sync are checked, and only then is it renamed over the target. A
// full disk, a quota or a vanished directory leaves no half file behind, and the message keeps the
// system's reason ("No space left on device"), which QSaveFile reports as "Unknown error".
#pragma once

#include <string>
#include <string_view>

namespace twin::datamodel {

// Empty on success; otherwise "PATH: cannot be written: REASON", and `path` is as it was before.
std::string writeFileAtomically(const std::string& path, std::string_view bytes);

// The same device and inode: `a` and `b` are one file, whatever their names (links, "./", case).
// False when either does not exist.
bool sameFile(const std::string& a, const std::string& b);

// Empty, or "OUTPUT: is the model itself (MODEL); choose another file" when writing `output` would
// overwrite the model file `model` (a model named m.csv exported to ./m.csv, a screenshot onto it).
std::string refuseOverwritingModel(const std::string& output, const std::string& model);

} // namespace twin::datamodel
