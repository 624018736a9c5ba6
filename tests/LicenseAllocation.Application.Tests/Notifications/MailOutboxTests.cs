using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Notifications.Mail;
using LicenseAllocation.Application.Tests.Requests;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Notifications;
using LicenseAllocation.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Notifications;

/// <summary>
/// E-mail through the outbox to a real SMTP server (aiosmtpd, started by each test on a free loopback port): who gets
/// what, in which language, with which link, and what a worker that dies or fails leaves behind.
/// </summary>
public sealed class MailOutboxTests
{
    private const string Origin = "https://phanbo.example.gov.vn";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_mails_its_decider_in_vietnamese_and_the_decision_mails_the_requester_in_english_with_the_link()
    {
        await using var sqlite = await SqliteTestDatabase.CreateAsync(seed: true);
        var scenario = await ScenarioWithMailAsync(sqlite);
        await scenario.FreeRoomAsync(10);
        await using var server = await SmtpTestServer.StartAsync(Cancellation);

        var request = await scenario.SubmitAsync(5);
        (await scenario.DecideAsync(request.Id, 3, "Huyện chỉ bổ sung 3 bản quyền đợt này")).Error.ShouldBeNull();
        var sent = await Outbox(sqlite, server, new FakeTimeProvider(DateTimeOffset.UtcNow)).SendDueAsync(Cancellation);

        sent.ShouldBe(2);
        var received = server.Received();
        received.Count.ShouldBe(2);
        var toDecider = received.Single(m => m.To.Mailboxes.Single().Address == "canbo.caolanh@example.gov.vn");
        toDecider.Subject.ShouldStartWith("Cổng phân bổ bản quyền: ");
        toDecider.Subject.ShouldContain("đề nghị bổ sung 5 bản quyền");
        toDecider.Body!.Headers[HeaderId.ContentLanguage].ShouldBe("vi");
        toDecider.TextBody!.ShouldContain($"{Origin}/plans/{scenario.PlanId}");
        toDecider.From.Mailboxes.Single().Address.ShouldBe("phanbo@sotttt.example.gov.vn");
        var toRequester = received.Single(m => m.To.Mailboxes.Single().Address == "phuong@example.gov.vn");
        toRequester.Body!.Headers[HeaderId.ContentLanguage].ShouldBe("en");
        toRequester.Subject.ShouldStartWith("Licence allocation portal: ");
        toRequester.TextBody!.ShouldContain("See the details at: " + $"{Origin}/plans/{scenario.PlanId}");
        await using var db = await sqlite.Factory.CreateDbContextAsync(Cancellation);
        (await db.OutboxMails.CountAsync(m => m.SentAtUtc == null, Cancellation)).ShouldBe(0);
        (await Outbox(sqlite, server, new FakeTimeProvider(DateTimeOffset.UtcNow)).SendDueAsync(Cancellation)).ShouldBe(0, "a sent message is not sent again");
        server.Received().Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_refused_decision_writes_no_mail_and_an_account_without_an_address_gets_none()
    {
        await using var sqlite = await SqliteTestDatabase.CreateAsync(seed: true);
        var scenario = await ScenarioWithMailAsync(sqlite, requesterEmail: null);
        await scenario.FreeRoomAsync(2);
        var request = await scenario.SubmitAsync(5);

        (await scenario.DecideAsync(request.Id, 5)).Error!.Code.ShouldBe(AllocationErrorCode.ExceedsParent);
        (await scenario.DecideAsync(request.Id, 2, "Chỉ còn 2")).Error.ShouldBeNull();

        await using var db = await sqlite.Factory.CreateDbContextAsync(Cancellation);
        var mails = await db.OutboxMails.Include(m => m.Notification).ToListAsync(Cancellation);
        mails.Select(m => (m.Address, m.Notification.Kind)).ShouldBe([("canbo.caolanh@example.gov.vn", NotificationKind.RequestSubmitted)]);
        (await db.Notifications.CountAsync(n => n.Kind == NotificationKind.RequestDecided, Cancellation)).ShouldBe(1, "the requester is still told in the inbox");
    }

    [Fact]
    public async Task A_worker_killed_after_the_server_accepted_a_message_loses_none_and_repeats_only_that_one_with_the_same_message_id()
    {
        await using var sqlite = await SqliteTestDatabase.CreateAsync(seed: true);
        var scenario = await ScenarioWithMailAsync(sqlite);
        await scenario.FreeRoomAsync(10);
        await using var server = await SmtpTestServer.StartAsync(Cancellation);
        var request = await scenario.SubmitAsync(5);
        (await scenario.DecideAsync(request.Id, 5)).Error.ShouldBeNull();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

        // The first worker hands the first message to the server and dies before it marks it sent.
        using var death = new CancellationTokenSource();
        var dying = new MailOutbox(sqlite.Factory, new DiesAfterSending(Transport(server), death), Options(server), clock, NullLogger<MailOutbox>.Instance);
        await Should.ThrowAsync<OperationCanceledException>(() => dying.SendDueAsync(death.Token));
        server.Received().Count.ShouldBe(1);

        // A worker started at once leaves the dead worker's claim alone and sends the other message only.
        (await Outbox(sqlite, server, clock).SendDueAsync(Cancellation)).ShouldBe(1);
        server.Received().Count.ShouldBe(2);

        // Once the claim has expired, the next pass sends the one the dead worker did not mark, and nothing else.
        clock.Advance(OutboxMail.ClaimLease + TimeSpan.FromSeconds(1));
        (await Outbox(sqlite, server, clock).SendDueAsync(Cancellation)).ShouldBe(1);
        (await Outbox(sqlite, server, clock).SendDueAsync(Cancellation)).ShouldBe(0);

        var received = server.Received();
        received.Count.ShouldBe(3);
        received.Select(m => m.MessageId).Distinct().Count().ShouldBe(2, "two messages, one of them repeated with its own Message-ID");
        received.GroupBy(m => m.MessageId).Single(g => g.Count() == 2).Key.ShouldBe(received[0].MessageId);
        await using var db = await sqlite.Factory.CreateDbContextAsync(Cancellation);
        var rows = await db.OutboxMails.OrderBy(m => m.Id).ToListAsync(Cancellation);
        rows.ShouldAllBe(m => m.SentAtUtc != null && m.ClaimedUntilUtc == null);
        rows.Select(m => m.Attempts).ShouldBe([2, 1]);
    }

    [Fact]
    public async Task A_worker_killed_before_sending_loses_nothing_and_the_message_goes_once()
    {
        await using var sqlite = await SqliteTestDatabase.CreateAsync(seed: true);
        var scenario = await ScenarioWithMailAsync(sqlite);
        await using var server = await SmtpTestServer.StartAsync(Cancellation);
        await scenario.SubmitAsync(5);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

        using var death = new CancellationTokenSource();
        var dying = new MailOutbox(sqlite.Factory, new DiesBeforeSending(death), Options(server), clock, NullLogger<MailOutbox>.Instance);
        await Should.ThrowAsync<OperationCanceledException>(() => dying.SendDueAsync(death.Token));
        (await Outbox(sqlite, server, clock).SendDueAsync(Cancellation)).ShouldBe(0, "the claim of the dead worker still holds");

        clock.Advance(OutboxMail.ClaimLease + TimeSpan.FromSeconds(1));
        (await Outbox(sqlite, server, clock).SendDueAsync(Cancellation)).ShouldBe(1);
        (await Outbox(sqlite, server, clock).SendDueAsync(Cancellation)).ShouldBe(0);
        server.Received().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_server_that_is_down_is_tried_again_after_a_growing_wait_and_given_up_after_the_last_attempt()
    {
        await using var sqlite = await SqliteTestDatabase.CreateAsync(seed: true);
        var scenario = await ScenarioWithMailAsync(sqlite);
        await scenario.SubmitAsync(5);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        SmtpOptions down;
        await using (var stopped = await SmtpTestServer.StartAsync(Cancellation))
        {
            down = Options(stopped).Value;
        }

        var failing = new MailOutbox(sqlite.Factory, new SmtpMailTransport(Microsoft.Extensions.Options.Options.Create(down)), Microsoft.Extensions.Options.Options.Create(down), clock, NullLogger<MailOutbox>.Instance);
        (await failing.SendDueAsync(Cancellation)).ShouldBe(0);
        var row = await SingleMailAsync(sqlite);
        (row.Attempts, row.SentAtUtc, row.FailedAtUtc).ShouldBe((1, null, null));
        row.LastError.ShouldNotBeNullOrEmpty();
        row.NextAttemptAtUtc.ShouldBe(clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));

        (await failing.SendDueAsync(Cancellation)).ShouldBe(0);
        (await SingleMailAsync(sqlite)).Attempts.ShouldBe(1, "nothing is tried before its wait is over");

        // The server comes back after the second failure.
        clock.Advance(TimeSpan.FromSeconds(31));
        (await failing.SendDueAsync(Cancellation)).ShouldBe(0);
        (await SingleMailAsync(sqlite)).NextAttemptAtUtc.ShouldBe(clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await using (var server = await SmtpTestServer.StartAsync(Cancellation))
        {
            (await Outbox(sqlite, server, clock).SendDueAsync(Cancellation)).ShouldBe(1);
            server.Received().Single().To.Mailboxes.Single().Address.ShouldBe("canbo.caolanh@example.gov.vn");
        }

        (await SingleMailAsync(sqlite)).Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task A_message_the_server_refuses_every_time_is_given_up_after_the_last_attempt_with_its_error()
    {
        await using var sqlite = await SqliteTestDatabase.CreateAsync(seed: true);
        var scenario = await ScenarioWithMailAsync(sqlite);
        await scenario.SubmitAsync(5);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var refusing = new MailOutbox(sqlite.Factory, new Refuses(), Microsoft.Extensions.Options.Options.Create(new SmtpOptions { Host = "127.0.0.1", From = "phanbo@sotttt.example.gov.vn" }), clock, NullLogger<MailOutbox>.Instance);

        for (var attempt = 1; attempt <= OutboxMail.MaxAttempts; attempt++)
        {
            (await refusing.SendDueAsync(Cancellation)).ShouldBe(0);
            clock.Advance(OutboxMail.Backoff(attempt) + TimeSpan.FromSeconds(1));
        }

        (await refusing.SendDueAsync(Cancellation)).ShouldBe(0);
        var row = await SingleMailAsync(sqlite);
        row.Attempts.ShouldBe(OutboxMail.MaxAttempts);
        row.FailedAtUtc.ShouldNotBeNull();
        row.LastError.ShouldBe("550 mailbox unavailable");
    }

    [Fact]
    public void The_wait_doubles_from_half_a_minute_up_to_an_hour()
    {
        Enumerable.Range(1, 9).Select(a => OutboxMail.Backoff(a).TotalSeconds).ShouldBe([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    }

    private static async Task<OutboxMail> SingleMailAsync(SqliteTestDatabase sqlite)
    {
        await using var db = await sqlite.Factory.CreateDbContextAsync(Cancellation);
        return await db.OutboxMails.AsNoTracking().SingleAsync(Cancellation);
    }

    private static MailOutbox Outbox(SqliteTestDatabase sqlite, SmtpTestServer server, TimeProvider clock) =>
        new(sqlite.Factory, Transport(server), Options(server), clock, NullLogger<MailOutbox>.Instance);

    private static SmtpMailTransport Transport(SmtpTestServer server) => new(Options(server));

    private static IOptions<SmtpOptions> Options(SmtpTestServer server) => Microsoft.Extensions.Options.Options.Create(new SmtpOptions
    {
        Host = server.Host,
        Port = server.Port,
        UseTls = false,
        From = "Sở Thông tin và Truyền thông <phanbo@sotttt.example.gov.vn>",
        PortalOrigin = new Uri(Origin),
    });

    /// <summary>The request scenario with the district officer's and the commune viewer's accounts, each with an address (the viewer reads English).</summary>
    private static async Task<RequestScenario> ScenarioWithMailAsync(SqliteTestDatabase sqlite, string? requesterEmail = "phuong@example.gov.vn")
    {
        var scenario = await RequestScenario.CreateAsync(new ProviderDatabase(sqlite.Factory, NoOwner.Instance));
        await using var db = await sqlite.Factory.CreateDbContextAsync(Cancellation);
        await AddAccountAsync(db, scenario.Officer, "canbo.caolanh@example.gov.vn", null);
        await AddAccountAsync(db, scenario.Viewer, requesterEmail, "en");
        await db.SaveChangesAsync(Cancellation);
        return scenario;
    }

    private static async Task AddAccountAsync(AllocationDbContext db, Caller caller, string? email, string? language)
    {
        var roleName = caller.Role.ToString();
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Name == roleName, Cancellation);
        if (role is null)
        {
            role = new IdentityRole(roleName) { NormalizedName = roleName.ToUpperInvariant() };
            db.Roles.Add(role);
        }

        var user = new PortalUser { UserName = caller.UserName, NormalizedUserName = caller.UserName.ToUpperInvariant(), ScopeUnitId = caller.ScopeUnitId, Email = email, Language = language };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
    }

    private sealed class NoOwner : IAsyncDisposable
    {
        public static readonly NoOwner Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>The server accepts the message, then the process dies before the outbox hears of it.</summary>
    private sealed class DiesAfterSending(IMailTransport inner, CancellationTokenSource death) : IMailTransport
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, CancellationToken.None);
            await death.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The process dies after the claim, before anything reaches the server.</summary>
    private sealed class DiesBeforeSending(CancellationTokenSource death) : IMailTransport
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await death.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private sealed class Refuses : IMailTransport
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => throw new InvalidOperationException("550 mailbox unavailable");
    }
}
