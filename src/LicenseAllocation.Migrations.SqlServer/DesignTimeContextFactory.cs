using LicenseAllocation.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LicenseAllocation.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SqlServer without starting the portal.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<AllocationDbContext>
{
    public AllocationDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AllocationDbContext>();
        SqlServerDatabase.Configure(builder, "Server=localhost;Database=LicenseAllocation;Trusted_Connection=True;TrustServerCertificate=True");
        return new AllocationDbContext(builder.Options);
    }
}
