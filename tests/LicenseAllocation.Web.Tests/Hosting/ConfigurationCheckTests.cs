using System.Globalization;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Hosting;

/// <summary>A portal started with a configuration it cannot run on says what to fix, in both languages, and exits 78 before serving.</summary>
public sealed class ConfigurationCheckTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "license-allocation-config", Guid.NewGuid().ToString("N"));

    public ConfigurationCheckTests() => Directory.CreateDirectory(_directory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_built_portal_with_a_bad_configuration_prints_every_problem_in_both_languages_and_exits_78_without_serving()
    {
        // Root writes everywhere, so the unwritable folder is one whose parent is a file.
        var file = Path.Combine(_directory, "not-a-folder");
        await File.WriteAllTextAsync(file, "x", Ct);

        var (code, output) = await PortalProcess.RunToExitAsync(
            new Dictionary<string, string>
            {
                ["Database:Provider"] = "Oracle",
                ["DataProtection:KeysPath"] = Path.Combine(file, "keys"),
                ["Imports:MaxFileBytes"] = "năm megabyte",
            },
            ["--urls", "http//127.0.0.1:5080"],
            Ct);

        code.ShouldBe(ConfigurationCheck.ExitCode, output);
        output.ShouldContain("Cấu hình không hợp lệ nên cổng thông tin không khởi động.");
        output.ShouldContain("The configuration is not valid, so the portal did not start.");
        output.ShouldContain("Database:Provider = \"Oracle\" không phải nhà cung cấp cơ sở dữ liệu được hỗ trợ");
        output.ShouldContain("Database:Provider = \"Oracle\" is not a supported database provider; use Sqlite, SqlServer or PostgreSql.");
        output.ShouldContain($"Không ghi được vào thư mục {Path.Combine(file, "keys")} (theo DataProtection:KeysPath)");
        output.ShouldContain("urls holds an invalid address \"http//127.0.0.1:5080\"");
        output.ShouldContain("Imports:MaxFileBytes = \"năm megabyte\" must be a whole number greater than 0.");
        output.ShouldNotContain("Now listening");
        output.ShouldNotContain("Unhandled exception");
    }

    [Fact]
    public async Task The_built_portal_on_PostgreSQL_without_a_connection_string_says_which_key_to_set()
    {
        var (code, output) = await PortalProcess.RunToExitAsync(
            new Dictionary<string, string>
            {
                ["Database:Provider"] = "PostgreSql",
                ["ConnectionStrings:Default"] = "",
                ["DataProtection:KeysPath"] = Path.Combine(_directory, "keys"),
            },
            [],
            Ct);

        code.ShouldBe(ConfigurationCheck.ExitCode, output);
        output.ShouldContain("Chưa đặt ConnectionStrings:Default, cần có khi Database:Provider = PostgreSql");
        output.ShouldContain("ConnectionStrings:Default is not set, and Database:Provider = PostgreSql needs it");
    }

    public static TheoryData<string, string, string> Problems() => new()
    {
        { "Database:Provider", "3", "not a supported database provider" },
        { "Database:Provider", "MySql", "not a supported database provider" },
        { "ConnectionStrings:Default", "Data Source=x;Khóa lạ=1", "is not a valid Sqlite connection string" },
        { "Kestrel:Endpoints:Https:Url", "https://", "Kestrel:Endpoints:Https:Url holds an invalid address" },
        { "urls", "ftp://0.0.0.0:21", "urls holds an invalid address" },
        { "Bootstrap:AdminPassword", "ngắn", "must have at least 12 characters" },
        { "OpenTelemetry:Endpoint", "otel-collector:4317", "is not a full http:// or https:// address" },
        { "OpenTelemetry:Protocol", "udp", "use one of: grpc, http/protobuf" },
        { "DataProtection:Store", "Redis", "use one of: FileSystem, Database" },
        { "Audit:SealKeyPath", "/proc/version/audit-seal.keys", "(from Audit:SealKeyPath) cannot be written to" },
        { "Logging:File:Path", "/proc/version/portal-.json", "cannot be written to" },
        { "Logging:File:RetainedFileCountLimit", "0", "must be a whole number greater than 0" },
        { "Smtp:Host", "mail.sotttt.gov.vn", "Smtp:From = \"\" is not a valid sender address" },
        { "Smtp:Port", "70000", "Smtp:Port = \"70000\" is not a port number" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Each_mistake_is_named_with_its_key(string key, string value, string expected)
    {
        var problems = Check(new() { [key] = value });

        problems.Select(p => p.Describe(CultureInfo.GetCultureInfo("en-US"))).ShouldHaveSingleItem().ShouldContain(expected);
    }

    [Fact]
    public void The_shipped_settings_and_the_usual_overrides_pass()
    {
        Check(new()).ShouldBeEmpty();
        Check(new()
        {
            ["Database:Provider"] = "postgresql",
            ["ConnectionStrings:Default"] = "Host=db;Database=la;Username=la;Password=x",
            ["urls"] = "http://*:5080;https://+:5443;http://0.0.0.0:80",
            ["DataProtection:KeysPath"] = Path.Combine(_directory, "keys"),
            ["Bootstrap:AdminPassword"] = "mật khẩu đủ dài",
        }).ShouldBeEmpty();
    }

    [Fact]
    public void A_mail_server_with_a_sender_that_is_not_an_address_is_refused_and_a_proper_sender_passes()
    {
        Check(new() { ["Smtp:Host"] = "mail.sotttt.gov.vn", ["Smtp:From"] = "phanbo@" })
            .Select(p => p.Describe(CultureInfo.GetCultureInfo("vi-VN"))).ShouldHaveSingleItem()
            .ShouldStartWith("Đã đặt Smtp:Host nhưng Smtp:From = \"phanbo@\" không phải địa chỉ người gửi hợp lệ");
        Check(new() { ["Smtp:Host"] = "mail.sotttt.gov.vn", ["Smtp:From"] = "Sở TT&TT <phanbo@sotttt.gov.vn>", ["Smtp:Port"] = "465" }).ShouldBeEmpty();
        Check(new() { ["Smtp:From"] = "chưa dùng" }).ShouldBeEmpty("without a mail server no e-mail is sent");
    }

    [Fact]
    public void The_provinces_sign_in_needs_an_https_authority_and_a_client_id()
    {
        string[] Described(Dictionary<string, string?> settings) =>
            [.. Check(settings).Select(p => p.Describe(CultureInfo.GetCultureInfo("en-US")))];

        var plain = Described(new() { ["Authentication:Oidc:Authority"] = "http://sso.dongthap.gov.vn/realms/tinh" });
        plain.Length.ShouldBe(2);
        plain[0].ShouldStartWith("Authentication:Oidc:Authority = \"http://sso.dongthap.gov.vn/realms/tinh\" is not a full https:// address");
        plain[1].ShouldBe("Authentication:Oidc:ClientId is not set, and Authentication:Oidc:Authority (sign-in with the province's account) needs it.");
        Described(new() { ["Authentication:Oidc:Authority"] = "sso.dongthap.gov.vn", ["Authentication:Oidc:ClientId"] = "cong" })
            .ShouldHaveSingleItem().ShouldContain("is not a full https:// address");
        Described(new() { ["Authentication:Oidc:Authority"] = "https://sso.dongthap.gov.vn", ["Authentication:Oidc:ClientId"] = "cong", ["Authentication:Oidc:UserNameClaim"] = " " })
            .ShouldHaveSingleItem().ShouldStartWith("Authentication:Oidc:UserNameClaim is not set");

        Check(new() { ["Authentication:Oidc:Authority"] = "https://sso.dongthap.gov.vn/realms/tinh", ["Authentication:Oidc:ClientId"] = "cong" }).ShouldBeEmpty();
        Check(new() { ["Authentication:Oidc:Authority"] = "http://127.0.0.1:8080", ["Authentication:Oidc:ClientId"] = "cong" }).ShouldBeEmpty("a provider on this machine");
        Check(new() { ["Authentication:Oidc:ClientId"] = "chưa dùng" }).ShouldBeEmpty("without an authority there is no such sign-in");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private IReadOnlyList<ConfigurationProblem> Check(Dictionary<string, string?> settings)
    {
        settings.TryAdd("ConnectionStrings:Default", $"Data Source={Path.Combine(_directory, "data", "portal.db")}");
        settings.TryAdd("DataProtection:KeysPath", Path.Combine(_directory, "keys"));
        return ConfigurationCheck.Problems(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), _directory);
    }
}
