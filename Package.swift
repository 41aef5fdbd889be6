// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// Where this manifest is: the linker is given the start-up order file by its full path.
let packageDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

let package = Package(
    name: "Quorum",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "quorumd", targets: ["quorumd"]),
        .executable(name: "quorum", targets: ["quorum"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // Pure domain: boards, calendar rules, recurrence. No I/O.
        .target(name: "QuorumDomain"),
        // Board and configuration files (YAML) into domain values, with file:line errors.
        .target(
            name: "QuorumFiles",
            dependencies: [
                "QuorumDomain",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // CSV files of the plan and scorecard into domain values, every row checked.
        .target(name: "QuorumImport", dependencies: ["QuorumDomain"]),
        // SQLite through GRDB: migrations, records, queries.
        .target(
            name: "QuorumStorage",
            dependencies: [
                "QuorumDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // RESP2 framing and the command grammar: bytes in, commands out.
        .target(
            name: "QuorumProtocol",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The reminder sweep: what to tell whom, when; the daily schedule with catch-up.
        .target(
            name: "QuorumScheduler",
            dependencies: [
                "QuorumDomain",
                "QuorumStorage",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The deliverer: sends what the outbox holds, with retries and dead-lettering.
        .target(
            name: "QuorumOutbox",
            dependencies: [
                "QuorumDomain",
                "QuorumStorage",
                "QuorumDelivery",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // libcurl, for SMTP and HTTP; a logic-free shim over its variadic setopt.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // glibc's malloc.h, for the daemon's memory reclaimer.
        .systemLibrary(name: "CMalloc"),
        // Email and webhook delivery: messages, signatures, templates, transports.
        .target(
            name: "QuorumDelivery",
            dependencies: [
                "QuorumDomain",
                "CCurl",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Meeting packs: cover reports, appendices, accessible HTML, PDF.
        .target(
            name: "QuorumPacks",
            dependencies: [
                "QuorumDomain",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Ink", package: "Ink"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The typed documents of replies, shared by the server, the portal and the client.
        .target(name: "QuorumWire", dependencies: ["QuorumDomain"]),
        // The application core: one service per area, each operation checking its declared access.
        .target(
            name: "QuorumApplication",
            dependencies: [
                "QuorumDomain",
                "QuorumWire",
                "QuorumStorage",
                "QuorumImport",
                "QuorumPacks",
                "QuorumScheduler",
                "QuorumOutbox",
                "QuorumDelivery",
            ]
        ),
        // The protocol's front door: the TCP server, the command table, arguments to operations.
        .target(
            name: "QuorumServer",
            dependencies: [
                "QuorumDomain",
                "QuorumApplication",
                "QuorumWire",
                "QuorumProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The web portal: HTTP pages, feeds and pack downloads over the same operations as the protocol.
        .target(
            name: "QuorumPortal",
            dependencies: [
                "QuorumDomain",
                "QuorumApplication",
                "QuorumWire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "quorumd",
            dependencies: [
                "CMalloc",
                "QuorumDomain",
                "QuorumFiles",
                "QuorumStorage",
                "QuorumServer",
                "QuorumApplication",
                "QuorumPacks",
                "QuorumScheduler",
                "QuorumOutbox",
                "QuorumDelivery",
                "QuorumPortal",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // The released daemon is linked to start small (docs/performance.md, "What the idle
            // memory is"): relative relocations packed (RELR, glibc 2.36), which ld.so otherwise
            // reads as megabytes of tables; no dynamic symbol table of every Swift symbol (nothing
            // looks them up); and the code start-up runs laid out together, from the list
            // bench/startup_order.py makes. lld: gold can neither pack relocations nor order code
            // by symbol. Linux only: these are ELF linker options.
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic",
                        "-Xlinker", "--symbol-ordering-file=\(packageDirectory)/bench/startup-order.txt",
                        "-Xlinker", "--no-warn-symbol-ordering",
                    ],
                    .when(platforms: [.linux], configuration: .release))
            ]
        ),
        .executableTarget(
            name: "quorum",
            dependencies: [
                "QuorumProtocol",
                "QuorumWire",
                "QuorumDomain",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer over the request and reply decoders and the command grammar (make fuzz builds
        // it with -sanitize=fuzzer -DQUORUM_FUZZING); built plainly it replays the seed corpus.
        .target(name: "CQuorumFuzz", path: "Tests/Fuzz/CQuorumFuzz"),
        .executableTarget(
            name: "QuorumProtocolFuzz",
            dependencies: ["QuorumProtocol", "CQuorumFuzz", .product(name: "NIOCore", package: "swift-nio")],
            path: "Tests/Fuzz/QuorumProtocolFuzz"
        ),
        .testTarget(name: "QuorumDomainTests", dependencies: ["QuorumDomain"]),
        .testTarget(name: "QuorumFilesTests", dependencies: ["QuorumFiles", "QuorumDomain"]),
        .testTarget(
            name: "QuorumDeliveryTests", dependencies: ["QuorumDelivery", "QuorumDomain"], exclude: ["Support", "Golden"]),
        .testTarget(name: "QuorumPacksTests", dependencies: ["QuorumPacks", "QuorumDomain"], exclude: ["Golden"]),
        .testTarget(
            name: "QuorumServerTests",
            dependencies: [
                "QuorumServer", "QuorumApplication", "QuorumStorage", "QuorumDomain", "QuorumProtocol", "QuorumScheduler", "QuorumPacks",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "QuorumPortalTests", dependencies: ["QuorumPortal", "QuorumDomain"]),
        .testTarget(
            name: "QuorumApplicationTests",
            dependencies: [
                "QuorumApplication", "QuorumStorage", "QuorumDomain", "QuorumFiles", "QuorumScheduler", "QuorumWire",
                "QuorumPacks", "QuorumImport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "QuorumSchedulerTests",
            dependencies: ["QuorumScheduler", "QuorumStorage", "QuorumDomain", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "QuorumOutboxTests",
            dependencies: [
                "QuorumOutbox", "QuorumStorage", "QuorumDelivery", "QuorumDomain",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "QuorumImportTests", dependencies: ["QuorumImport", "QuorumDomain"]),
        .testTarget(name: "QuorumStorageTests", dependencies: ["QuorumStorage", "QuorumDomain"]),
        .testTarget(
            name: "QuorumProtocolTests",
            dependencies: [
                "QuorumProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
