using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Security;

/// <summary>
/// A user name typed into the sign-in form or sent to the token endpoint cannot write a line of its own into the log,
/// nor recolour the console: line breaks and escape characters are written escaped. The portal's console log is
/// read while the test runs (other tests' lines may be in it too; only this test's marker is looked for).
/// </summary>
[Collection(ConsoleCapture.Name)]
public sealed class LogForgingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Forged = "[INF] API token issued to admin";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\u2028")]
    public async Task A_user_name_with_a_line_break_cannot_forge_a_log_line(string lineBreak)
    {
        var marker = "nguoi-la-" + Guid.NewGuid().ToString("N");
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var lines = await ConsoleCapture.LinesAsync(async () =>
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = marker + lineBreak + Forged, password = "mật khẩu sai" }, Ct);
            await SignInForm.PostAsync(client, await SignInForm.TokenAsync(client), marker + lineBreak + Forged, "mật khẩu sai");
        });

        lines.Count(l => l.Contains(marker, StringComparison.Ordinal)).ShouldBe(2);
        lines.Where(l => l.Contains(marker, StringComparison.Ordinal)).ShouldAllBe(l => l.Contains(Forged, StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.StartsWith(Forged, StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.Contains('\u2028'));
    }

    [Fact]
    public async Task Ansi_escapes_in_a_user_name_reach_the_log_escaped()
    {
        var marker = "nguoi-la-" + Guid.NewGuid().ToString("N");
        using var client = portal.CreateClient();

        var lines = await ConsoleCapture.LinesAsync(() =>
            client.PostAsJsonAsync("/api/v1/auth/token", new { userName = marker + "\u001b[2K\u001b[1G\u001b[32m" + Forged + "\u001b[0m", password = "mật khẩu sai" }, Ct));

        var line = lines.Where(l => l.Contains(marker, StringComparison.Ordinal)).ShouldHaveSingleItem();
        line.ShouldNotContain("\u001b");
        line.ShouldContain("\\u001b[32m");
    }
}

/// <summary>Reads what the portal writes to the console while an action runs; tests that use it run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCapture
{
    public const string Name = "Console output";

    public static async Task<string[]> LinesAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var original = Console.Out;
        await using var captured = new StringWriter();
        Console.SetOut(TextWriter.Synchronized(captured));
        try
        {
            await action();
        }
        finally
        {
            Console.SetOut(original);
        }

        return captured.ToString().Split('\n');
    }
}
