using LicenseAllocation.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Testing;

/// <summary>A context factory over fixed options, as the portal's DI container would give the services.</summary>
public sealed class TestContextFactory(DbContextOptions<AllocationDbContext> options) : IDbContextFactory<AllocationDbContext>
{
    public AllocationDbContext CreateDbContext() => new(options);
}
