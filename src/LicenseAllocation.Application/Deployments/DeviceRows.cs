using System.Data.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Deployments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseAllocation.Application.Deployments;

/// <summary>
/// Writes the devices of a snapshot with one prepared INSERT run once per device, in the caller's transaction: tens of
/// thousands of rows through the change tracker cost many times more. Table and column names come from the model and
/// are quoted by the provider, so the statement is the same on SQLite, SQL Server and PostgreSQL.
/// </summary>
internal static class DeviceRows
{
    public static async Task InsertAsync(AllocationDbContext db, IEnumerable<DeploymentDevice> devices, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(DeploymentDevice))!;
        var table = entity.GetTableName()!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string[] properties =
        [
            nameof(DeploymentDevice.SnapshotId), nameof(DeploymentDevice.DeviceId), nameof(DeploymentDevice.Name), nameof(DeploymentDevice.Group),
            nameof(DeploymentDevice.Product), nameof(DeploymentDevice.Version), nameof(DeploymentDevice.LastSeenUtc), nameof(DeploymentDevice.Installed),
            nameof(DeploymentDevice.OtherProduct), nameof(DeploymentDevice.Outdated), nameof(DeploymentDevice.Stale),
        ];
        var columns = properties.Select(p => sql.DelimitIdentifier(entity.FindProperty(p)!.GetColumnName(store)!));
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table, entity.GetSchema())} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})";
        var parameters = properties.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();

        var count = 0;
        foreach (var d in devices)
        {
            if (++count % 5_000 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            Set(parameters, d.SnapshotId, d.DeviceId, d.Name, d.Group, d.Product, d.Version, d.LastSeenUtc, d.Installed, d.OtherProduct, d.Outdated, d.Stale);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static void Set(DbParameter[] parameters, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
