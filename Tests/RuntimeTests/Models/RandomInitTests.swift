// Copyright © 2026 the ssl authors.
//
// Expected draws from numpy 2.x: `np.random.RandomState(0).standard_normal(3)` and, for the
// ResNet-50 initialisation, `RandomState(0).standard_normal(9408) * sqrt(2 / (64 * 49))` for
// conv1 followed by `standard_normal(4096) * sqrt(2 / 64)` for layer1.0.conv1.

import Testing

@testable import Runtime

@Suite struct RandomInitTests {
  @Test func numpyLegacyNormalDraws() {
    var random = NumpyRandomState(seed: 0)
    #expect(random.standardNormal(count: 3) == [1.764052345967664, 0.4001572083672233, 0.9787379841057392])
    // An odd number of normals leaves one cached; the uniform stream continues after the pair.
    #expect(random.uniformDouble() == 0.4236547993389047)
  }

  @Test func resnet50FollowsTorchvisionSchemeOnNumpysStream() throws {
    let state = ResNet.randomInitialization(.resnet50)
    let conv1 = try #require(state["conv1.weight"]).scalars
    #expect(Array(conv1.prefix(3)) == [0.04454904794692993, 0.01010549534112215, 0.02471686713397503])
    #expect(conv1.last == -0.046283603)
    let inner = try #require(state["layer1.0.conv1.weight"]).scalars
    #expect(Array(inner.prefix(2)) == [-0.020782165229320526, 0.003341908333823085])
    // Every convolution's spread is sqrt(2 / fan_out) (within sampling error), batch norms
    // are the identity, and the counters are left out like a loaded checkpoint's.
    for name in state.names {
      let t = try #require(state[name])
      if t.rank == 4 {
        let std = (2.0 / Double(t.shape[0] * t.shape[2] * t.shape[3])).squareRoot()
        let values = t.scalars.map(Double.init)
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count))
          .squareRoot()
        let tolerance = 6 / Double(values.count).squareRoot()
        #expect(abs(sd / std - 1) < tolerance, "\(name): std \(sd) vs \(std)")
        #expect(abs(mean / std) < tolerance, "\(name): mean \(mean)")
      } else if name.hasSuffix(".weight") || name.hasSuffix(".running_var") {
        #expect(t.scalars.allSatisfy { $0 == 1 }, "\(name)")
      } else {
        #expect(t.scalars.allSatisfy { $0 == 0 }, "\(name)")
      }
    }
    #expect(!state.names.contains { $0.hasSuffix("num_batches_tracked") })
    #expect(state.count == ResNet.parameterShapes(.resnet50).count - 53)
  }

  @Test func sameSeedSameIdentityOtherSeedOther() {
    let config = ResNetConfig(
      name: "resnet-custom", block: .bottleneck, blocksPerStage: [1, 1, 1, 1], baseWidth: 8)
    let a = LoadedCheckpoint.contentHash(of: ResNet.randomInitialization(config))
    let b = LoadedCheckpoint.contentHash(of: ResNet.randomInitialization(config))
    let c = LoadedCheckpoint.contentHash(of: ResNet.randomInitialization(config, seed: 1))
    #expect(a == b && a != c)
  }

  @Test func randomNetworkRunsAndIsNotDegenerate() throws {
    let config = ResNetConfig(
      name: "resnet-custom", block: .basic, blocksPerStage: [1, 1, 1, 1], baseWidth: 16)
    let net = try ResNet(config: config, stateDict: ResNet.randomInitialization(config))
    var random = NumpyRandomState(seed: 3)
    let input = Tensor(
      shape: [2, 3, 64, 64], scalars: random.standardNormal(count: 2 * 3 * 64 * 64).map(Float.init))
    let features = try net.features(input).scalars
    #expect(features.count == 2 * 128)
    #expect(features.allSatisfy { $0.isFinite })
    #expect(features.contains { $0 > 0 })
  }
}
