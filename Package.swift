// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Convene",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "convene", targets: ["convene"]),
        .library(name: "ConveneDomain", targets: ["ConveneDomain"]),
        .library(name: "ConveneServer", targets: ["ConveneServer"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1")
    ],
    targets: [
        // The heart: rules, validation, importers, parsers. No Vapor, no database.
        // The national guidance it ships is data: versioned JSON templates. Workbooks (.xlsx) are zipped XML, read
        // and written through ZIPFoundation and XMLCoder. A backup file's checksum is SHA-256, from swift-crypto.
        .target(
            name: "ConveneDomain",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
                .product(name: "Crypto", package: "swift-crypto")
            ],
            resources: [.copy("Guidance/Templates"), .copy("Outcomes/Frameworks")]
        ),
        // Persistence, pages and the JSON API.
        .target(
            name: "ConveneServer",
            dependencies: [
                "ConveneDomain",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                // The weekly digest goes out over SMTP, spoken on SwiftNIO (with TLS from swift-nio-ssl).
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                // Single sign-on: an ID token's signature checked against its provider's published keys.
                .product(name: "JWTKit", package: "jwt-kit")
            ]
        ),
        // The demo as data: the reports' landscape as Popolo JSON read through the importer, its strategies, and
        // the seeded generators of a year of business and of the national landscape.
        .target(
            name: "ConveneDemo",
            dependencies: [
                "ConveneDomain",
                "ConveneServer",
                .product(name: "Fluent", package: "fluent")
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "convene",
            dependencies: [
                "ConveneDemo",
                "ConveneServer",
                "ConveneDomain",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]
        ),
        .executableTarget(
            name: "convene-bench",
            dependencies: ["ConveneDemo", "ConveneServer", "ConveneDomain"],
            path: "Benchmarks/convene-bench"
        ),
        // The calendar fixtures are read through #filePath, not as resources.
        .testTarget(
            name: "ConveneDomainTests",
            dependencies: ["ConveneDomain", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ConveneDemoTests", dependencies: ["ConveneDemo", "ConveneDomain"]),
        .testTarget(
            name: "ConveneServerTests",
            dependencies: [
                "ConveneDemo",
                "ConveneServer",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "JWTKit", package: "jwt-kit")
            ],
            // Recorded page snapshots, read by SnapshotTesting beside the tests that made them.
            exclude: [
                "Analytics/__Snapshots__", "Guidance/__Snapshots__", "Meetings/__Snapshots__",
                "Register/__Snapshots__", "Strategies/__Snapshots__"
            ]
        )
    ]
)
