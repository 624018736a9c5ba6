using Microsoft.AspNetCore.Components.Server;

namespace LicenseAllocation.Web.Components;

/// <summary>How the live connection of each open page (its circuit) is set up.</summary>
internal static class CircuitWebSockets
{
    /// <summary>
    /// No per-message deflate on the circuits' WebSockets: with it the server keeps a compressor and a decompressor for
    /// every open page as long as it is open, about a third of what a circuit of the 2020 plan costs in server memory
    /// (docs/benchmarks.md, decision 0010). Render batches are small binary diffs on the province's network, and without
    /// compression the secrets in a page cannot be guessed from compressed sizes (the CRIME/BREACH family).
    /// </summary>
    public static void Configure(ServerComponentsEndpointOptions options) => options.DisableWebSocketCompression = true;
}
