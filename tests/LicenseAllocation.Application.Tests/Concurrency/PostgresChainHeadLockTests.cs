using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Concurrency;

/// <summary>
/// On PostgreSQL an edit locks the audit chain head when it reads it (<c>FOR UPDATE</c>), so it seals its row after the
/// last committed one: a plain read would let two writers seal after the same head and leave it to the unique sequence
/// and a retry to notice.
/// </summary>
public sealed class PostgresChainHeadLockTests(PostgresCluster cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_edit_waits_for_the_chain_head_on_its_locking_read_while_another_writer_holds_it()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(cluster, seed: true, cancellationToken: Ct);
        var planId = await SeededPlan.PlanIdAsync(database.Factory);
        var office = await SeededPlan.UnitIdAsync(database.Factory, "VP. UBND tỉnh");

        await using var holder = await database.Factory.CreateDbContextAsync(Ct);
        await using var held = await holder.Database.BeginTransactionAsync(Ct);
        await holder.Database.ExecuteSqlRawAsync("SELECT 1 FROM \"AuditChainHead\" FOR UPDATE", Ct);

        var edit = Task.Run(() => new QuantityService(database.Factory, TimeProvider.System)
            .ChangeAsync(SeededPlan.Admin, new ChangeQuantity(planId, office, 1, "Điều chỉnh"), Ct), Ct);

        var waiting = await WaitingStatementAsync(database.ConnectionString);
        waiting.ShouldContain("FOR UPDATE", Case.Insensitive, "the edit queues on its read of the head, before it seals anything");

        await held.RollbackAsync(Ct);
        (await edit.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Succeeded.ShouldBeTrue();
    }

    /// <summary>The statement another session waits on a lock with, mentioning the chain head.</summary>
    private static async Task<string> WaitingStatementAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%AuditChainHead%'", connection);
            if (await command.ExecuteScalarAsync(Ct) is string query)
            {
                return query;
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException("No edit waited on the chain head.");
    }
}
