using LicenseAllocation.Application.Notifications.Mail;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Data;
using LicenseAllocation.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Hosting;

/// <summary>
/// The e-mail worker sends from one instance only: while another instance holds the lease <c>mail-outbox</c> it does
/// not read the outbox at all, and it takes over once that instance lets go.
/// </summary>
public sealed class OutboxMailWorkerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_worker_waits_while_another_instance_holds_the_mail_lease_and_sends_once_it_is_released()
    {
        await using var sqlite = await SqliteTestDatabase.CreateAsync(seed: false);
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, sqlite.ConnectionString);
        var passes = new PassCounter();
        using var services = OutboxServices(sqlite, passes);
        var other = await new DatabaseLeases(settings).TryAcquireAsync("mail-outbox", Ct);
        other.ShouldNotBeNull();
        using var worker = new OutboxMailWorker(new DatabaseLeases(settings), services.GetRequiredService<IServiceScopeFactory>(),
            Configured, TimeProvider.System, NullLogger<OutboxMailWorker>.Instance);

        await worker.StartAsync(Ct);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        passes.Count.ShouldBe(0, "the other instance sends");

        await other.DisposeAsync();
        await WaitUntilAsync(() => passes.Count > 0, TimeSpan.FromSeconds(30));
        await worker.StopAsync(Ct);
    }

    [Fact]
    public async Task Without_a_mail_server_the_worker_never_reads_the_outbox()
    {
        await using var sqlite = await SqliteTestDatabase.CreateAsync(seed: false);
        var passes = new PassCounter();
        using var services = OutboxServices(sqlite, passes);
        using var worker = new OutboxMailWorker(new DatabaseLeases(new DatabaseSettings(DatabaseProvider.Sqlite, sqlite.ConnectionString)),
            services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new SmtpOptions()), TimeProvider.System, NullLogger<OutboxMailWorker>.Instance);

        await worker.StartAsync(Ct);
        await (worker.ExecuteTask ?? Task.CompletedTask).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        passes.Count.ShouldBe(0);
    }

    // Counts the passes that opened the outbox: one scope, one outbox, one pass.
    private static ServiceProvider OutboxServices(SqliteTestDatabase sqlite, PassCounter passes) => new ServiceCollection()
        .AddScoped(_ =>
        {
            passes.Increment();
            return new MailOutbox(sqlite.Factory, new RefusingTransport(), Configured, TimeProvider.System, NullLogger<MailOutbox>.Instance);
        })
        .BuildServiceProvider();

    private sealed class PassCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Increment() => Interlocked.Increment(ref _count);
    }

    private static IOptions<SmtpOptions> Configured => Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = 1, From = "phanbo@sotttt.example.gov.vn" });

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(timeout);
        while (!condition())
        {
            await Task.Delay(100, deadline.Token);
        }
    }

    // The outbox is empty: nothing reaches the transport.
    private sealed class RefusingTransport : IMailTransport
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => throw new InvalidOperationException("nothing to send");
    }
}
