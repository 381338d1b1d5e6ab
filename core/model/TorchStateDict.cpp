#include "model/TorchStateDict.h"

#include <QFile>
#include <QFileInfo>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include <caffe2/serialize/inline_container.h>
#include <torch/torch.h>

#include "common/ErrorBoundary.h"

namespace cf::model {

namespace {

struct Storage {
  std::string key;
  c10::ScalarType dtype = c10::kFloat;
  int64_t numel = 0;
  std::shared_ptr<Storage> root;  ///< legacy views: the storage this one is a view of
  int64_t view_offset = 0;        ///< elements into root
  const char* bytes = nullptr;    ///< tensor data, set after the pickle is read (not owned)
  size_t nbytes = 0;
  at::DataPtr owner;  ///< keeps zip record data alive
};
using StoragePtr = std::shared_ptr<Storage>;

struct Obj;
using ObjPtr = std::shared_ptr<Obj>;

struct Obj {
  enum class Kind {
    None,
    Bool,
    Int,
    Float,
    Str,
    Tuple,
    List,
    Dict,
    Global,
    Tensor,
    Storage,
    Other
  };
  Kind kind = Kind::None;
  int64_t i = 0;
  double f = 0.0;
  std::string s;                 ///< Str value / Global module / Other name
  std::string name;              ///< Global name
  std::vector<ObjPtr> items;     ///< Tuple, List; Dict as key, value, key, value ...
  StoragePtr storage;            ///< Storage, Tensor
  int64_t offset = 0;            ///< Tensor storage offset (elements)
  std::vector<int64_t> sizes;    ///< Tensor
  std::vector<int64_t> strides;  ///< Tensor
};

ObjPtr make(Obj::Kind k) {
  auto o = std::make_shared<Obj>();
  o->kind = k;
  return o;
}

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error(what);
}

std::optional<c10::ScalarType> storageType(const std::string& module, const std::string& name) {
  if (module != "torch")
    return std::nullopt;
  static const std::map<std::string, c10::ScalarType> kTypes = {
      {"FloatStorage", c10::kFloat}, {"DoubleStorage", c10::kDouble},
      {"HalfStorage", c10::kHalf},   {"BFloat16Storage", c10::kBFloat16},
      {"LongStorage", c10::kLong},   {"IntStorage", c10::kInt},
      {"ShortStorage", c10::kShort}, {"CharStorage", c10::kChar},
      {"ByteStorage", c10::kByte},   {"BoolStorage", c10::kBool}};
  auto it = kTypes.find(name);
  if (it == kTypes.end())
    return std::nullopt;
  return it->second;
}

/// Interpreter for the pickle subset torch.save writes (protocols 2..5).
class Unpickler {
 public:
  Unpickler(const char* data, size_t size, size_t pos, std::map<std::string, StoragePtr>* storages)
      : data_(data), size_(size), pos_(pos), storages_(storages) {}

  ObjPtr load() {
    for (;;) {
      const auto op = static_cast<uint8_t>(byte());
      switch (op) {
        case 0x80:
          byte();
          break;  // PROTO
        case 0x95:
          take(8);
          break;  // FRAME
        case '(':
          marks_.push_back(stack_.size());
          break;
        case '.': {
          if (stack_.empty())
            fail("pickle STOP with an empty stack");
          return stack_.back();
        }
        case 'N':
          push(make(Obj::Kind::None));
          break;
        case 0x88:
        case 0x89: {
          auto o = make(Obj::Kind::Bool);
          o->i = op == 0x88;
          push(o);
          break;
        }
        case 'J':
          pushInt(static_cast<int32_t>(u32()));
          break;
        case 'K':
          pushInt(static_cast<uint8_t>(byte()));
          break;
        case 'M':
          pushInt(u16());
          break;
        case 0x8a:
          longN(static_cast<uint8_t>(byte()));
          break;
        case 0x8b:
          longN(u32());
          break;
        case 'G': {
          uint64_t bits = 0;
          for (int k = 0; k < 8; ++k)
            bits = (bits << 8) | static_cast<uint8_t>(byte());
          auto o = make(Obj::Kind::Float);
          std::memcpy(&o->f, &bits, 8);
          push(o);
          break;
        }
        case 'X':
          pushStr(u32());
          break;
        case 0x8c:
          pushStr(static_cast<uint8_t>(byte()));
          break;
        case 0x8d:
          pushStr(u64());
          break;
        case 'U':
        case 'C':
          pushStr(static_cast<uint8_t>(byte()));
          break;
        case 'T':
        case 'B':
          pushStr(u32());
          break;
        case ']':
          push(make(Obj::Kind::List));
          break;
        case ')':
          push(make(Obj::Kind::Tuple));
          break;
        case '}':
          push(make(Obj::Kind::Dict));
          break;
        case 'l':
        case 't':
        case 'd': {
          auto o = make(op == 'l'   ? Obj::Kind::List
                        : op == 't' ? Obj::Kind::Tuple
                                    : Obj::Kind::Dict);
          o->items = popMark();
          push(o);
          break;
        }
        case 0x85:
        case 0x86:
        case 0x87: {
          const size_t n = op - 0x84u;
          auto o = make(Obj::Kind::Tuple);
          if (stack_.size() < n)
            fail("pickle TUPLE with too few items");
          o->items.assign(stack_.end() - static_cast<long>(n), stack_.end());
          stack_.resize(stack_.size() - n);
          push(o);
          break;
        }
        case 'a': {
          auto v = pop();
          top()->items.push_back(v);
          break;
        }
        case 'e':
        case 'u': {
          auto items = popMark();
          auto& target = top()->items;
          target.insert(target.end(), items.begin(), items.end());
          break;
        }
        case 's': {
          auto v = pop();
          auto k = pop();
          top()->items.push_back(k);
          top()->items.push_back(v);
          break;
        }
        case 'c': {
          auto o = make(Obj::Kind::Global);
          o->s = line();
          o->name = line();
          push(o);
          break;
        }
        case 0x93: {
          auto name = pop();
          auto module = pop();
          auto o = make(Obj::Kind::Global);
          o->s = module->s;
          o->name = name->s;
          push(o);
          break;
        }
        case 'R': {
          auto args = pop();
          auto fn = pop();
          push(reduce(fn, args));
          break;
        }
        case 0x81: {
          pop();
          auto cls = pop();
          auto o = make(Obj::Kind::Other);
          o->s = cls->name;
          push(o);
          break;
        }
        case 'b':
          pop();
          break;  // BUILD: object state (e.g. _metadata) is not needed
        case 'Q':
          push(persistent(pop()));
          break;
        case 'q':
          memo_[static_cast<uint8_t>(byte())] = top();
          break;
        case 'r':
          memo_[u32()] = top();
          break;
        case 0x94:
          memo_[static_cast<int64_t>(memo_.size())] = top();
          break;
        case 'h':
          push(memo(static_cast<uint8_t>(byte())));
          break;
        case 'j':
          push(memo(u32()));
          break;
        default:
          fail("unsupported pickle opcode 0x" + toHex(op) + " at byte " + std::to_string(pos_ - 1));
      }
    }
  }

  size_t position() const { return pos_; }

 private:
  static std::string toHex(uint8_t v) {
    const char* d = "0123456789abcdef";
    return {d[v >> 4], d[v & 15]};
  }
  char byte() {
    if (pos_ >= size_)
      fail("pickle data ends early");
    return data_[pos_++];
  }
  const char* take(uint64_t n) {
    if (n > size_ - pos_)
      fail("pickle data ends early");
    const char* p = data_ + pos_;
    pos_ += n;
    return p;
  }
  uint16_t u16() {
    const auto* p = reinterpret_cast<const uint8_t*>(take(2));
    return p[0] | (p[1] << 8);
  }
  uint32_t u32() {
    const auto* p = reinterpret_cast<const uint8_t*>(take(4));
    return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24);
  }
  uint64_t u64() {
    const uint64_t lo = u32();
    return lo | (static_cast<uint64_t>(u32()) << 32);
  }
  std::string line() {
    std::string out;
    for (char c = byte(); c != '\n'; c = byte())
      out.push_back(c);
    return out;
  }
  void push(ObjPtr o) { stack_.push_back(std::move(o)); }
  void pushInt(int64_t v) {
    auto o = make(Obj::Kind::Int);
    o->i = v;
    push(o);
  }
  void pushStr(uint64_t n) {
    auto o = make(Obj::Kind::Str);
    const char* p = take(n);
    o->s.assign(p, n);
    push(o);
  }
  void longN(uint64_t n) {
    const char* p = take(n);
    auto o = make(Obj::Kind::Int);
    if (n <= 8) {
      uint64_t v = 0;
      for (uint64_t k = 0; k < n; ++k)
        v |= static_cast<uint64_t>(static_cast<uint8_t>(p[k])) << (8 * k);
      if (n > 0 && n < 8 && (static_cast<uint8_t>(p[n - 1]) & 0x80))
        v |= ~uint64_t{0} << (8 * n);  // sign-extend
      o->i = static_cast<int64_t>(v);
    } else {
      o->kind = Obj::Kind::Other;  // e.g. the legacy magic number; keep the raw bytes
      o->s.assign(p, n);
    }
    push(o);
  }
  ObjPtr pop() {
    if (stack_.empty())
      fail("pickle stack underflow");
    auto o = stack_.back();
    stack_.pop_back();
    return o;
  }
  ObjPtr top() {
    if (stack_.empty())
      fail("pickle stack underflow");
    return stack_.back();
  }
  ObjPtr memo(int64_t k) {
    auto it = memo_.find(k);
    if (it == memo_.end())
      fail("pickle refers to an unknown memo entry");
    return it->second;
  }
  std::vector<ObjPtr> popMark() {
    if (marks_.empty())
      fail("pickle MARK missing");
    const size_t m = marks_.back();
    marks_.pop_back();
    std::vector<ObjPtr> items(stack_.begin() + static_cast<long>(m), stack_.end());
    stack_.resize(m);
    return items;
  }

  static int64_t intAt(const ObjPtr& tuple, size_t k) {
    if (tuple->items.size() <= k || tuple->items[k]->kind != Obj::Kind::Int)
      fail("unexpected tensor metadata in pickle");
    return tuple->items[k]->i;
  }
  static std::vector<int64_t> ints(const ObjPtr& tuple) {
    std::vector<int64_t> out;
    for (size_t k = 0; k < tuple->items.size(); ++k)
      out.push_back(intAt(tuple, k));
    return out;
  }

  ObjPtr reduce(const ObjPtr& fn, const ObjPtr& args) {
    if (fn->kind != Obj::Kind::Global) {
      auto o = make(Obj::Kind::Other);
      return o;
    }
    if (fn->s == "collections" && fn->name == "OrderedDict")
      return make(Obj::Kind::Dict);
    if (fn->s == "torch._utils" &&
        (fn->name == "_rebuild_tensor_v2" || fn->name == "_rebuild_tensor")) {
      const auto& a = args->items;
      if (a.size() < 4 || a[0]->kind != Obj::Kind::Storage)
        fail("unexpected arguments to " + fn->name);
      auto t = make(Obj::Kind::Tensor);
      t->storage = a[0]->storage;
      t->offset = intAt(args, 1);
      t->sizes = ints(a[2]);
      t->strides = ints(a[3]);
      return t;
    }
    if (fn->s == "torch._utils" && fn->name == "_rebuild_parameter") {
      if (args->items.empty() || args->items[0]->kind != Obj::Kind::Tensor)
        fail("unexpected arguments to _rebuild_parameter");
      return args->items[0];
    }
    auto o = make(Obj::Kind::Other);
    o->s = fn->s + "." + fn->name;
    return o;
  }

  ObjPtr persistent(const ObjPtr& pid) {
    const auto& a = pid->items;
    if (pid->kind != Obj::Kind::Tuple || a.size() < 5 || a[0]->s != "storage" ||
        a[1]->kind != Obj::Kind::Global || a[2]->kind != Obj::Kind::Str)
      fail("unsupported persistent id in pickle (not a tensor storage)");
    auto type = storageType(a[1]->s, a[1]->name);
    if (!type)
      fail("unsupported storage type " + a[1]->s + "." + a[1]->name);
    auto& slot = (*storages_)[a[2]->s];
    if (!slot) {
      slot = std::make_shared<Storage>();
      slot->key = a[2]->s;
      slot->dtype = *type;
      slot->numel = intAt(pid, 4);
    }
    auto o = make(Obj::Kind::Storage);
    o->storage = slot;
    if (a.size() > 5 && a[5]->kind == Obj::Kind::Tuple) {  // legacy view
      auto view = std::make_shared<Storage>();
      view->root = slot;
      view->key = a[5]->items.at(0)->s;
      view->view_offset = intAt(a[5], 1);
      view->numel = intAt(a[5], 2);
      view->dtype = *type;
      o->storage = view;
    }
    return o;
  }

  const char* data_;
  size_t size_;
  size_t pos_;
  std::map<std::string, StoragePtr>* storages_;
  std::vector<ObjPtr> stack_;
  std::vector<size_t> marks_;
  std::map<int64_t, ObjPtr> memo_;
};

torch::Tensor materialise(const Obj& t) {
  const Storage* s = t.storage.get();
  int64_t base = t.offset;
  while (s->root) {
    base += s->view_offset;
    s = s->root.get();
  }
  const auto elsize = static_cast<int64_t>(c10::elementSize(s->dtype));
  int64_t last = base;
  for (size_t k = 0; k < t.sizes.size(); ++k) {
    if (t.sizes[k] == 0)
      return torch::empty(t.sizes, torch::TensorOptions().dtype(s->dtype));
    last += (t.sizes[k] - 1) * t.strides.at(k);
  }
  if (base < 0 || s->bytes == nullptr || static_cast<int64_t>(s->nbytes) < (last + 1) * elsize)
    fail("tensor data of storage '" + s->key + "' is missing or truncated");
  auto* ptr = const_cast<char*>(s->bytes) + base * elsize;
  return torch::from_blob(ptr, t.sizes, t.strides, torch::TensorOptions().dtype(s->dtype)).clone();
}

NamedTensors collect(const ObjPtr& root) {
  ObjPtr dict = root;
  if (dict->kind != Obj::Kind::Dict)
    fail("the file does not hold a state dict (top-level object is not a dict)");
  // Unwrap {"state_dict": {...}} / {"model": {...}} checkpoints.
  for (size_t k = 0; k + 1 < dict->items.size(); k += 2) {
    const auto& key = dict->items[k]->s;
    if ((key == "state_dict" || key == "model") && dict->items[k + 1]->kind == Obj::Kind::Dict)
      return collect(dict->items[k + 1]);
  }
  NamedTensors out;
  for (size_t k = 0; k + 1 < dict->items.size(); k += 2) {
    if (dict->items[k]->kind != Obj::Kind::Str || dict->items[k + 1]->kind != Obj::Kind::Tensor)
      continue;
    out.emplace_back(dict->items[k]->s, materialise(*dict->items[k + 1]));
  }
  if (out.empty())
    fail("the state dict holds no tensors");
  return out;
}

NamedTensors parseZip(caffe2::serialize::PyTorchStreamReader& reader) {
  if (!reader.hasRecord("data.pkl"))
    fail("zip archive has no data.pkl record (not written by torch.save)");
  auto [pkl, pkl_size] = reader.getRecord("data.pkl");
  std::map<std::string, StoragePtr> storages;
  Unpickler u(static_cast<const char*>(pkl.get()), pkl_size, 0, &storages);
  ObjPtr root = u.load();
  for (auto& [key, st] : storages) {
    const std::string record = "data/" + key;
    if (!reader.hasRecord(record))
      fail("storage record '" + record + "' is missing");
    auto [ptr, n] = reader.getRecord(record);
    st->bytes = static_cast<const char*>(ptr.get());
    st->nbytes = n;
    st->owner = std::move(ptr);
  }
  return collect(root);
}

/// `bytes` must outlive the call only: tensors are cloned out of it.
NamedTensors parseLegacy(const std::string_view bytes) {
  std::map<std::string, StoragePtr> storages;
  size_t pos = 0;
  auto next = [&]() {
    Unpickler u(bytes.data(), bytes.size(), pos, &storages);
    ObjPtr o = u.load();
    pos = u.position();
    return o;
  };
  const ObjPtr magic = next();
  static const unsigned char kMagic[10] = {0x6c, 0xfc, 0x9c, 0x46, 0xf9,
                                           0x20, 0x6a, 0xa8, 0x50, 0x19};
  if (magic->s.size() != 10 || std::memcmp(magic->s.data(), kMagic, 10) != 0)
    fail("not a torch.save file (bad magic number)");
  const ObjPtr version = next();
  if (version->kind != Obj::Kind::Int || version->i != 1001)
    fail("unsupported legacy torch.save protocol version");
  const ObjPtr sys_info = next();
  for (size_t k = 0; k + 1 < sys_info->items.size(); k += 2)
    if (sys_info->items[k]->s == "little_endian" && sys_info->items[k + 1]->i == 0)
      fail("big-endian files are not supported");
  const ObjPtr root = next();
  const ObjPtr keys = next();
  for (const auto& key : keys->items) {
    auto it = storages.find(key->s);
    if (it == storages.end())
      fail("storage '" + key->s + "' is listed but never used");
    if (bytes.size() - pos < 8)
      fail("file ends before the data of storage '" + key->s + "'");
    int64_t numel = 0;
    std::memcpy(&numel, bytes.data() + pos, 8);  // little-endian (checked above), x86/ARM hosts
    pos += 8;
    const auto nbytes = static_cast<size_t>(numel) * c10::elementSize(it->second->dtype);
    if (numel < 0 || bytes.size() - pos < nbytes)
      fail("file ends inside the data of storage '" + key->s + "'");
    it->second->bytes = bytes.data() + pos;
    it->second->nbytes = nbytes;
    pos += nbytes;
  }
  return collect(root);
}

bool isZip(const char* p, size_t n) {
  return n >= 4 && std::memcmp(p, "PK\x03\x04", 4) == 0;
}

}  // namespace

Result<NamedTensors> parseTorchStateDict(std::string_view bytes, const QString& origin) {
  const std::string context = "reading PyTorch state dict '" + origin.toStdString() + "'";
  return guarded(context, [&]() -> Result<NamedTensors> {
    if (isZip(bytes.data(), bytes.size())) {
      std::istringstream in{std::string(bytes)};
      caffe2::serialize::PyTorchStreamReader reader(&in);
      return parseZip(reader);
    }
    if (!bytes.empty() && static_cast<unsigned char>(bytes[0]) == 0x80)
      return parseLegacy(bytes);
    return makeError(context + ": not a torch.save file (neither zip nor pickle)");
  });
}

Result<NamedTensors> readTorchStateDict(const QString& path) {
  if (!QFileInfo::exists(path))
    return makeError("PyTorch weights file '" + path.toStdString() + "' does not exist");
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return makeError("cannot open '" + path.toStdString() + "': " + f.errorString().toStdString());
  const QByteArray head = f.peek(4);
  if (isZip(head.constData(), static_cast<size_t>(head.size()))) {
    f.close();
    return guarded("reading PyTorch state dict '" + path.toStdString() + "'",
                   [&]() -> Result<NamedTensors> {
                     caffe2::serialize::PyTorchStreamReader reader(path.toStdString());
                     return parseZip(reader);
                   });
  }
  const QByteArray all = f.readAll();
  return parseTorchStateDict(std::string_view(all.constData(), static_cast<size_t>(all.size())),
                             path);
}

}  // namespace cf::model
