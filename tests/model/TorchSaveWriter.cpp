#include "TorchSaveWriter.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <functional>
#include <stdexcept>

#include <caffe2/serialize/inline_container.h>

namespace cf::test {

namespace {

/// Emits pickle opcodes the way CPython's protocol-2 pickler does for these objects.
class PickleOut {
 public:
  std::string bytes;

  void proto() { bytes += "\x80\x02"; }
  void stop() { bytes += '.'; }
  void mark() { bytes += '('; }
  void op(char c) { bytes += c; }
  void global(const std::string& module, const std::string& name) {
    bytes += 'c' + module + '\n' + name + '\n';
    put();
  }
  void str(const std::string& s) {
    bytes += 'X';
    le(static_cast<uint32_t>(s.size()), 4);
    bytes += s;
    put();
  }
  void integer(int64_t v) {
    if (v >= 0 && v < 256) {
      bytes += 'K';
      le(static_cast<uint64_t>(v), 1);
    } else if (v >= 0 && v < 65536) {
      bytes += 'M';
      le(static_cast<uint64_t>(v), 2);
    } else if (v >= INT32_MIN && v <= INT32_MAX) {
      bytes += 'J';
      le(static_cast<uint64_t>(static_cast<uint32_t>(v)), 4);
    } else {
      bytes += "\x8a\x08";
      le(static_cast<uint64_t>(v), 8);
    }
  }
  void longRaw(const std::string& le_bytes) {
    bytes += '\x8a';
    bytes += static_cast<char>(le_bytes.size());
    bytes += le_bytes;
  }
  void put() {  // BINPUT / LONG_BINPUT, as the pickler memoises every object
    if (memo_ < 256) {
      bytes += 'q';
      le(memo_, 1);
    } else {
      bytes += 'r';
      le(memo_, 4);
    }
    ++memo_;
  }
  void le(uint64_t v, int n) {
    for (int k = 0; k < n; ++k)
      bytes += static_cast<char>((v >> (8 * k)) & 0xff);
  }
  void tuple(const std::vector<int64_t>& values) {
    if (values.empty()) {
      bytes += ')';
      return;
    }
    if (values.size() <= 3) {  // TUPLE1..TUPLE3, as protocol 2 writes small tuples
      for (int64_t v : values)
        integer(v);
      bytes += static_cast<char>(0x84 + values.size());
      put();
      return;
    }
    mark();
    for (int64_t v : values)
      integer(v);
    bytes += 't';
    put();
  }

 private:
  uint64_t memo_ = 0;
};

std::string statePickle(const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                        const std::vector<std::string>& keys, bool legacy) {
  PickleOut p;
  p.proto();
  p.global("collections", "OrderedDict");
  p.op(')');
  p.op('R');
  p.put();
  p.mark();
  for (size_t i = 0; i < tensors.size(); ++i) {
    const auto& t = tensors[i].second;
    p.str(tensors[i].first);
    p.global("torch._utils", "_rebuild_tensor_v2");
    p.mark();
    // persistent id: ('storage', torch.FloatStorage, key, 'cpu', numel[, None])
    p.mark();
    p.str("storage");
    p.global("torch", "FloatStorage");
    p.str(keys[i]);
    p.str("cpu");
    p.integer(t.numel());
    if (legacy)
      p.op('N');
    p.op('t');
    p.put();
    p.op('Q');
    p.integer(0);
    p.tuple(t.sizes().vec());
    p.tuple(t.strides().vec());
    p.op('\x89');  // requires_grad False
    p.global("collections", "OrderedDict");
    p.op(')');
    p.op('R');
    p.put();
    p.op('t');
    p.put();
    p.op('R');
    p.put();
  }
  p.op('u');
  // BUILD with state {'_metadata': OrderedDict([('', {'version': 1})])}
  p.op('}');
  p.put();
  p.str("_metadata");
  p.global("collections", "OrderedDict");
  p.op(')');
  p.op('R');
  p.put();
  p.str("");
  p.op('}');
  p.put();
  p.str("version");
  p.integer(1);
  p.op('s');
  p.op('s');
  p.op('s');
  p.op('b');
  p.stop();
  return p.bytes;
}

std::string smallPickle(const std::function<void(PickleOut&)>& body) {
  PickleOut p;
  p.proto();
  body(p);
  p.stop();
  return p.bytes;
}

}  // namespace

void writeTorchSave(const QString& path,
                    const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                    TorchSaveFormat format) {
  std::vector<torch::Tensor> data;
  std::vector<std::string> keys;
  for (size_t i = 0; i < tensors.size(); ++i) {
    data.push_back(tensors[i].second.to(torch::kFloat32).contiguous());
    keys.push_back(format == TorchSaveFormat::Zip ? std::to_string(i)
                                                  : std::to_string(94000000000000ull + 64 * i));
  }
  std::vector<std::pair<std::string, torch::Tensor>> contiguous;
  for (size_t i = 0; i < tensors.size(); ++i)
    contiguous.emplace_back(tensors[i].first, data[i]);

  if (format == TorchSaveFormat::Zip) {
    caffe2::serialize::PyTorchStreamWriter writer(path.toStdString());
    const std::string pkl = statePickle(contiguous, keys, false);
    writer.writeRecord("data.pkl", pkl.data(), pkl.size());
    writer.writeRecord("byteorder", "little", 6);
    for (size_t i = 0; i < data.size(); ++i)
      writer.writeRecord("data/" + keys[i], data[i].data_ptr(), data[i].nbytes());
    writer.writeEndOfFile();
    return;
  }
  std::ofstream out(path.toStdString(), std::ios::binary);
  const std::string magic = "\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19";
  out << smallPickle([&](PickleOut& p) { p.longRaw(magic); });
  out << smallPickle([&](PickleOut& p) { p.integer(1001); });
  out << smallPickle([&](PickleOut& p) {
    p.op('}');
    p.put();
    p.mark();
    p.str("protocol_version");
    p.integer(1001);
    p.str("little_endian");
    p.op('\x88');
    p.str("type_sizes");
    p.op('}');
    p.put();
    p.mark();
    p.str("short");
    p.integer(2);
    p.str("int");
    p.integer(4);
    p.str("long");
    p.integer(4);
    p.op('u');
    p.op('u');
  });
  out << statePickle(contiguous, keys, true);
  std::vector<std::string> sorted = keys;
  std::sort(sorted.begin(), sorted.end());
  out << smallPickle([&](PickleOut& p) {
    p.op(']');
    p.put();
    p.mark();
    for (const auto& k : sorted)
      p.str(k);
    p.op('e');
  });
  for (const auto& k : sorted) {
    const size_t i = static_cast<size_t>(std::find(keys.begin(), keys.end(), k) - keys.begin());
    const int64_t numel = data[i].numel();
    out.write(reinterpret_cast<const char*>(&numel), 8);
    out.write(static_cast<const char*>(data[i].data_ptr()),
              static_cast<std::streamsize>(data[i].nbytes()));
  }
  if (!out)
    throw std::runtime_error("writing " + path.toStdString() + " failed");
}

}  // namespace cf::test
