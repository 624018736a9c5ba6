using LicenseAllocation.Application.Common;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Data;
using LicenseAllocation.Web.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Hosting;

/// <summary>
/// Background work done by one instance at a time: two lease services over one database stand for two portal
/// instances. One holds a name, the other is refused until it is released or its database session dies; a loop wrapped
/// in <see cref="SingleInstance.RunWhileHeldAsync"/> never runs on both, and the other takes over when the first stops.
/// </summary>
public sealed class SingleInstanceLeaseTests(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "license-allocation-lease", Guid.NewGuid().ToString("N"));
    private string _connectionString = string.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _connectionString = await cluster.CreateDatabaseAsync(Ct);
    }

    [Fact]
    public async Task On_PostgreSQL_a_lease_held_by_one_instance_is_refused_to_the_other_until_released()
    {
        var first = Postgres();
        var second = Postgres();

        await using (var held = await first.TryAcquireAsync("mail-outbox", Ct))
        {
            held.ShouldNotBeNull();
            (await second.TryAcquireAsync("mail-outbox", Ct)).ShouldBeNull("the first instance holds it");
            await using var other = await second.TryAcquireAsync("scheduled-checks", Ct);
            other.ShouldNotBeNull("another name is another lease");
        }

        await using var taken = await second.TryAcquireAsync("mail-outbox", Ct);
        taken.ShouldNotBeNull("released by the first");
    }

    [Fact]
    public async Task On_PostgreSQL_a_lease_whose_session_died_is_lost_by_its_holder_and_free_for_the_other()
    {
        var first = Postgres();
        var second = Postgres();
        await using var held = (await first.TryAcquireAsync("mail-outbox", Ct))!;
        held.ShouldNotBeNull();

        // As when the holder's server connection is cut: the database ends the session and its advisory lock with it.
        await using (var admin = new NpgsqlConnection(_connectionString))
        {
            await admin.OpenAsync(Ct);
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", admin);
            await kill.ExecuteNonQueryAsync(Ct);
        }

        await WaitUntilAsync(() => held.Lost.IsCancellationRequested, TimeSpan.FromSeconds(15));
        await using var taken = await second.TryAcquireAsync("mail-outbox", Ct);
        taken.ShouldNotBeNull();
    }

    [Fact]
    public async Task On_SQLite_the_lease_is_a_lock_on_a_file_next_to_the_database()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_directory, "portal.db")}");
        var first = new DatabaseLeases(settings);
        var second = new DatabaseLeases(settings);

        await using (var held = await first.TryAcquireAsync("mail-outbox", Ct))
        {
            held.ShouldNotBeNull();
            (await second.TryAcquireAsync("mail-outbox", Ct)).ShouldBeNull();
        }

        await using var taken = await second.TryAcquireAsync("mail-outbox", Ct);
        taken.ShouldNotBeNull();
    }

    [Fact]
    public async Task Work_wrapped_in_the_lease_runs_on_one_instance_at_a_time_and_moves_when_that_one_stops()
    {
        var running = 0;
        var mostAtOnce = 0;
        var ranOn = new System.Collections.Concurrent.ConcurrentBag<string>();
        Func<CancellationToken, Task> Work(string instance) => async whileHeld =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            ranOn.Add(instance);
            try
            {
                await Task.Delay(Timeout.Infinite, whileHeld);
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        };

        using var stopFirst = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var stopSecond = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var retry = TimeSpan.FromMilliseconds(200);
        var first = Postgres().RunWhileHeldAsync("mail-outbox", Work("first"), retry, NullLogger.Instance, stopFirst.Token);
        await WaitUntilAsync(() => Volatile.Read(ref running) == 1, TimeSpan.FromSeconds(15));
        var second = Postgres().RunWhileHeldAsync("mail-outbox", Work("second"), retry, NullLogger.Instance, stopSecond.Token);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        ranOn.ShouldBe(["first"], "the second instance waits while the first holds the lease");

        await stopFirst.CancelAsync();
        await first;
        await WaitUntilAsync(() => ranOn.Contains("second"), TimeSpan.FromSeconds(15));

        await stopSecond.CancelAsync();
        await second;
        mostAtOnce.ShouldBe(1);
    }

    public async ValueTask DisposeAsync()
    {
        await cluster.DropDatabaseAsync(_connectionString);
        Directory.Delete(_directory, recursive: true);
    }

    private DatabaseLeases Postgres() => new(new DatabaseSettings(DatabaseProvider.PostgreSql, _connectionString));

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition did not come true in time");
            await Task.Delay(50, Ct);
        }
    }
}
