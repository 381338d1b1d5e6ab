// TensorMemoryPool: LibTorch's large CPU blocks are reused by size, never shared by two live
// tensors, and the computation on reused blocks is the same.
#include <torch/torch.h>
#include <QtTest>

#include "model/TensorMemoryPool.h"

using namespace cf::model;

class TstTensorMemoryPool : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() { installTensorMemoryPool(); }

  void freedBlocksAreHandedOutAgain() {
    const int64_t n = int64_t(1) << 20;  // 4 MiB of floats
    void* first = nullptr;
    {
      torch::Tensor t = torch::empty({n});
      first = t.data_ptr();
    }
    const TensorMemoryPoolStats before = tensorMemoryPoolStats();
    QVERIFY(before.pooled_bytes >= int64_t(4) << 20);
    torch::Tensor again = torch::empty({n});
    QCOMPARE(again.data_ptr(), first);
    QCOMPARE(tensorMemoryPoolStats().reused, before.reused + 1);
    QCOMPARE(tensorMemoryPoolStats().pooled_bytes, before.pooled_bytes - (int64_t(4) << 20));
  }

  void aSomewhatSmallerRequestFitsButAMuchSmallerOneDoesNot() {
    const int64_t n = int64_t(1) << 21;  // 8 MiB
    void* block = nullptr;
    {
      torch::Tensor t = torch::empty({n});
      block = t.data_ptr();
    }
    {
      torch::Tensor half = torch::empty({n / 2});  // 4 MiB: would waste half the block
      QVERIFY(half.data_ptr() != block);
    }
    torch::Tensor most = torch::empty({n - n / 8});  // 7 MiB
    QCOMPARE(most.data_ptr(), block);
  }

  void smallBlocksAreNotPooled() {
    const TensorMemoryPoolStats before = tensorMemoryPoolStats();
    for (int i = 0; i < 10; ++i)
      torch::Tensor t = torch::ones({1000});
    const TensorMemoryPoolStats after = tensorMemoryPoolStats();
    QCOMPARE(after.reused, before.reused);
    QCOMPARE(after.allocated, before.allocated);
    QCOMPARE(after.pooled_bytes, before.pooled_bytes);
  }

  void liveTensorsNeverShareABlock() {
    const int64_t n = int64_t(3) << 18;  // 3 MiB
    std::vector<torch::Tensor> live;
    for (int round = 0; round < 3; ++round) {
      live.clear();  // back to the pool
      for (int i = 0; i < 4; ++i)
        live.push_back(torch::full({n}, float(10 * round + i)));
      for (int i = 0; i < 4; ++i) {
        for (int j = 0; j < i; ++j)
          QVERIFY(live[size_t(i)].data_ptr() != live[size_t(j)].data_ptr());
        QCOMPARE(live[size_t(i)].min().item<float>(), float(10 * round + i));
        QCOMPARE(live[size_t(i)].max().item<float>(), float(10 * round + i));
      }
    }
  }

  void aNetworkComputesTheSameOnReusedBlocks() {
    torch::manual_seed(7);
    torch::nn::Conv2d conv(torch::nn::Conv2dOptions(3, 32, 3).padding(1));
    const torch::Tensor x = torch::rand({2, 3, 96, 128});
    torch::NoGradGuard no_grad;
    const torch::Tensor first = conv->forward(x).clone();
    const int64_t reused_before = tensorMemoryPoolStats().reused;
    torch::Tensor second;
    for (int i = 0; i < 3; ++i)
      second = conv->forward(x);
    QVERIFY(tensorMemoryPoolStats().reused > reused_before);  // the output's block came back
    QVERIFY(torch::equal(first, second));
  }
};

QTEST_GUILESS_MAIN(TstTensorMemoryPool)
#include "tst_tensor_memory_pool.moc"
