using LicenseAllocation.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Tests;

/// <summary>A database of whichever provider a test runs on, with the factory services use; dropped with the test.</summary>
public sealed class ProviderDatabase(IDbContextFactory<AllocationDbContext> factory, IAsyncDisposable owner) : IAsyncDisposable
{
    public IDbContextFactory<AllocationDbContext> Factory { get; } = factory;

    public ValueTask DisposeAsync() => owner.DisposeAsync();
}
