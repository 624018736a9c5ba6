using LicenseAllocation.Testing;

namespace LicenseAllocation.Application.Tests.Concurrency;

/// <summary>A seeded database of whichever provider a test class runs on, dropped with the test.</summary>
public sealed class ProviderDatabase(TestContextFactory factory, IAsyncDisposable owner) : IAsyncDisposable
{
    public TestContextFactory Factory { get; } = factory;

    public ValueTask DisposeAsync() => owner.DisposeAsync();
}
