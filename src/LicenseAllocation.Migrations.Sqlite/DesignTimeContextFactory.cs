using LicenseAllocation.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LicenseAllocation.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for Sqlite without starting the portal.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<AllocationDbContext>
{
    public AllocationDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AllocationDbContext>();
        SqliteDatabase.Configure(builder, "Data Source=design-time.db");
        return new AllocationDbContext(builder.Options);
    }
}
