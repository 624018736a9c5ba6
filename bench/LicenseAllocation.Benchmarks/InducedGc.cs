using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace LicenseAllocation.Benchmarks;

/// <summary>
/// Makes another .NET process run a full, blocking garbage collection from outside, the way <c>dotnet-gcdump</c> does:
/// through the runtime's diagnostics port (a Unix socket), an EventPipe session asking the runtime provider for the
/// GCHeapCollect keyword, which induces a gen-2 collection. No package and no change to the portal is needed.
/// </summary>
internal static class InducedGc
{
    private const ulong GcHeapCollectKeyword = 0x800000;
    private const byte EventPipeCommandSet = 0x02;
    private const byte StopTracing = 0x01;
    private const byte CollectTracing = 0x02;

    /// <summary>True when the collection was requested; false when the process has no diagnostics port.</summary>
    public static async Task<bool> CollectAsync(int processId)
    {
        var socketPath = Directory.Exists(Path.GetTempPath())
            ? Directory.EnumerateFiles(Path.GetTempPath(), $"dotnet-diagnostic-{processId}-*-socket").FirstOrDefault()
            : null;
        if (socketPath is null)
        {
            return false;
        }

        using var session = await ConnectAsync(socketPath);
        var payload = new List<byte>();
        payload.AddRange(UInt32(16)); // circular buffer, MB
        payload.AddRange(UInt32(1)); // NetTrace format
        payload.AddRange(UInt32(1)); // one provider
        payload.AddRange(UInt64(GcHeapCollectKeyword));
        payload.AddRange(UInt32(4)); // informational
        payload.AddRange(String("Microsoft-Windows-DotNETRuntime"));
        payload.AddRange(UInt32(0)); // no filter data
        await SendAsync(session, CollectTracing, [.. payload]);
        var sessionId = await ReadOkAsync(session);

        // The stream has to be drained while the session runs, or the runtime blocks writing it.
        using var stop = new CancellationTokenSource();
        var drain = Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (await session.ReceiveAsync(buffer, SocketFlags.None, stop.Token) > 0)
                {
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                // Session over.
            }
        });

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using (var control = await ConnectAsync(socketPath))
        {
            await SendAsync(control, StopTracing, UInt64(sessionId));
            await ReadOkAsync(control);
        }

        stop.CancelAfter(TimeSpan.FromSeconds(5));
        await drain;
        return true;
    }

    private static async Task<Socket> ConnectAsync(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    private static async Task SendAsync(Socket socket, byte command, byte[] payload)
    {
        var message = new byte[20 + payload.Length];
        Encoding.ASCII.GetBytes("DOTNET_IPC_V1\0").CopyTo(message, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(14), (ushort)message.Length);
        message[16] = EventPipeCommandSet;
        message[17] = command;
        payload.CopyTo(message, 20);
        await socket.SendAsync(message, SocketFlags.None);
    }

    private static async Task<ulong> ReadOkAsync(Socket socket)
    {
        var header = await ReadExactlyAsync(socket, 20);
        var size = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(14));
        var body = await ReadExactlyAsync(socket, size - 20);
        if (header[16] != 0xFF || header[17] != 0x00 || body.Length < 8)
        {
            throw new InvalidOperationException($"The diagnostics port refused the request (command {header[17]:X2}).");
        }

        return BinaryPrimitives.ReadUInt64LittleEndian(body);
    }

    private static async Task<byte[]> ReadExactlyAsync(Socket socket, int count)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None);
            if (n == 0)
            {
                throw new InvalidOperationException("The diagnostics port closed the connection.");
            }

            read += n;
        }

        return buffer;
    }

    private static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] UInt64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] String(string value)
    {
        var chars = Encoding.Unicode.GetBytes(value + "\0");
        return [.. UInt32((uint)(value.Length + 1)), .. chars];
    }
}
