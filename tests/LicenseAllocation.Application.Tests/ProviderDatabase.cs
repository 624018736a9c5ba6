using LicenseAllocation.Testing;

namespace LicenseAllocation.Application.Tests;

/// <summary>A database of whichever provider a test runs on, with the factory services use; dropped with the test.</summary>
public sealed class ProviderDatabase(TestContextFactory factory, IAsyncDisposable owner) : IAsyncDisposable
{
    public TestContextFactory Factory { get; } = factory;

    public ValueTask DisposeAsync() => owner.DisposeAsync();
}
