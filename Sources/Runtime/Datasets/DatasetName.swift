// Copyright © 2026 the ssl authors.

/// The seed datasets of protocols.md §2, with their official facts.
public enum DatasetName: String, CaseIterable, Codable, Sendable {
  case aircraft, caltech101, cars, cifar10, cifar100, dtd, flowers, food, pets, sun397, voc2007
  case cropdiseases, eurosat, isic, chestx

  /// The official number of classes.
  public var classCount: Int {
    switch self {
    case .aircraft: return 100
    case .caltech101: return 102
    case .cars: return 196
    case .cifar10: return 10
    case .cifar100: return 100
    case .dtd: return 47
    case .flowers: return 102
    case .food: return 101
    case .pets: return 37
    case .sun397: return 397
    case .voc2007: return 20
    case .cropdiseases: return 38
    case .eurosat: return 10
    case .isic: return 7
    case .chestx: return 7
    }
  }

  /// The folder under the data root (the seed code's `../data/<Folder>`).
  public var folder: String {
    switch self {
    case .aircraft: return "Aircraft"
    case .caltech101: return "Caltech101"
    case .cars: return "Cars"
    case .cifar10: return "CIFAR10"
    case .cifar100: return "CIFAR100"
    case .dtd: return "DTD"
    case .flowers: return "Flowers"
    case .food: return "Food"
    case .pets: return "Pets"
    case .sun397: return "SUN397"
    case .voc2007: return "VOC2007"
    case .cropdiseases: return "CropDiseases"
    case .eurosat: return "EuroSAT"
    case .isic: return "ISIC"
    case .chestx: return "ChestX"
    }
  }

  /// Whether this is one of the CD-FSL few-shot datasets (a single `all` pool).
  public var isCrossDomainFewShot: Bool {
    switch self {
    case .cropdiseases, .eurosat, .isic, .chestx: return true
    default: return false
    }
  }

  /// A resize applied before the protocol's transform: ChestX's 256×256 with Pillow's default
  /// (bicubic) filter (protocols.md §2.3).
  public var preResize: ResizeStep? {
    self == .chestx ? ResizeStep(.fixed(width: 256, height: 256), filter: .bicubic) : nil
  }

  /// The expected layout under the dataset root, for error messages.
  public var layoutDescription: String {
    switch self {
    case .aircraft: return AircraftLayout.description
    case .caltech101: return Caltech101Layout.description
    case .cars: return CarsLayout.description
    case .cifar10: return CIFARLayout.description(false)
    case .cifar100: return CIFARLayout.description(true)
    case .dtd: return DTDLayout.description
    case .flowers: return FlowersLayout.description
    case .food: return FoodLayout.description
    case .pets: return PetsLayout.description
    case .sun397: return SUN397Layout.description
    case .voc2007: return VOC2007Layout.description
    case .cropdiseases: return "dataset/train/<class>/<image>"
    case .eurosat: return "2750/<class>/<image>"
    case .isic: return CDFSLLayout.isicDescription
    case .chestx: return CDFSLLayout.chestXDescription
    }
  }
}
