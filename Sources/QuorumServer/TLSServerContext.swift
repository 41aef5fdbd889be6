import NIOCore
import NIOSSL

/// The TLS side of the protocol server: the certificate chain and key read once from PEM files,
/// TLS 1.2 and 1.3 only, and a fresh `NIOSSLServerHandler` for each connection.
public struct TLSServerContext: Sendable {
    private let context: NIOSSLContext

    /// A certificate or key that cannot be used, naming the file.
    public struct SetupError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the certificate chain and the key.
    ///
    /// - Throws: ``SetupError`` naming the configuration key and the file at fault.
    public init(_ settings: ServerConfiguration.TLS) throws(SetupError) {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(settings.certificatePath)
        } catch {
            throw SetupError(description: "tls.cert: \(settings.certificatePath): not a readable PEM certificate (\(error))")
        }
        guard !chain.isEmpty else {
            throw SetupError(description: "tls.cert: \(settings.certificatePath): holds no certificate")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: settings.keyPath, format: .pem)
        } catch {
            throw SetupError(description: "tls.key: \(settings.keyPath): not a readable PEM private key (\(error))")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        configuration.maximumTLSVersion = .tlsv13
        do {
            self.context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw SetupError(
                description: "tls: \(settings.certificatePath) and \(settings.keyPath) do not make a TLS context (\(error)); does the key match the certificate?")
        }
    }

    /// The handler that runs TLS on one new connection.
    func makeHandler() -> NIOSSLServerHandler {
        NIOSSLServerHandler(context: self.context)
    }

    static func makeHandlerFactory(_ settings: ServerConfiguration.TLS) throws -> @Sendable () -> any ChannelHandler {
        let context = try TLSServerContext(settings)
        return { context.makeHandler() }
    }
}
