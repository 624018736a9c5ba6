using System.Net;
using System.Net.Sockets;

namespace LicenseAllocation.Testing;

/// <summary>Ports on 127.0.0.1 for the servers the tests start (portal, PostgreSQL, nginx, slapd, SMTP).</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// A port nothing listens on now: the system picks it, the listener lets it go, and the server started next takes it
    /// (or, for a server that is meant to be down, nothing does).
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
