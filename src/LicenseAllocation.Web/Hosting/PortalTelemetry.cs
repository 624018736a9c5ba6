using System.Reflection;
using LicenseAllocation.Application.Common;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LicenseAllocation.Web.Hosting;

/// <summary>
/// Metrics and traces by OpenTelemetry, sent by OTLP to <c>OpenTelemetry:Endpoint</c> (a collector, e.g.
/// <c>http://otel-collector:4317</c>) when it is set, and not collected at all when it is not. Metrics: ASP.NET Core's
/// (requests, durations, connections, Blazor circuits) and the portal's meter (<see cref="PortalMetrics"/>); traces:
/// every request with the EF Core commands and Npgsql calls it makes. <c>OpenTelemetry:Protocol</c> chooses
/// <c>grpc</c> (port 4317, the default) or <c>http/protobuf</c> (port 4318); <c>OpenTelemetry:ServiceName</c> names
/// the instance (default <c>LicenseAllocation</c>).
/// </summary>
internal static class PortalTelemetry
{
    public const string EndpointKey = "OpenTelemetry:Endpoint";
    public const string ProtocolKey = "OpenTelemetry:Protocol";
    public const string ServiceNameKey = "OpenTelemetry:ServiceName";
    public static readonly string[] Protocols = ["grpc", "http/protobuf"];

    public static void AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        if (builder.Configuration[EndpointKey] is not { Length: > 0 } endpoint)
        {
            return;
        }

        var protocol = builder.Configuration[ProtocolKey] == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        var version = typeof(PortalTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        void Otlp(OtlpExporterOptions options, string signal)
        {
            // With HTTP, each signal has its own path under the collector's address.
            options.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(new Uri(endpoint), $"v1/{signal}") : new Uri(endpoint);
            options.Protocol = protocol;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration[ServiceNameKey] is { Length: > 0 } name ? name : "LicenseAllocation", serviceVersion: version))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(PortalMetrics.MeterName, "Microsoft.AspNetCore.Components.Server.Circuits")
                .AddOtlpExporter(options => Otlp(options, "metrics")))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/healthz", StringComparison.Ordinal))
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource("Npgsql")
                .AddOtlpExporter(options => Otlp(options, "traces")));
    }
}
