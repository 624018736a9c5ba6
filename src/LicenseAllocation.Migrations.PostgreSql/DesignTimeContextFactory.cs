using LicenseAllocation.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LicenseAllocation.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSql without starting the portal.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<AllocationDbContext>
{
    public AllocationDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AllocationDbContext>();
        PostgreSqlDatabase.Configure(builder, "Host=localhost;Database=license_allocation");
        return new AllocationDbContext(builder.Options);
    }
}
