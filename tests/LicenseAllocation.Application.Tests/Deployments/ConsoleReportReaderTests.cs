using System.Text;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Deployments;

/// <summary>Console exports as the consoles write them, in every encoding and layout they come in.</summary>
public sealed class ConsoleReportReaderTests
{
    private static readonly DateTime Seen = new(2026, 11, 30, 8, 15, 0, DateTimeKind.Utc);

    private static readonly DeploymentOptions Options = new();

    /// <summary>"Huyện Cao Lãnh" as a Windows keyboard writes it (NFC) and as a macOS export may (NFD).</summary>
    private static readonly string CaoLanhNfc = "Huyện Cao Lãnh".Normalize(NormalizationForm.FormC);

    private static readonly string CaoLanhNfd = "Huyện Cao Lãnh".Normalize(NormalizationForm.FormD);

    private static List<ExportDevice> Devices() =>
    [
        new("a1f3-0001", "PC-KETOAN-01", $"Thiết bị được quản lý/{CaoLanhNfc}/UBND xã Mỹ Hiệp", LastSeen: Seen),
        new("a1f3-0002", "PC-VANTHU, tầng 2", $"Thiết bị được quản lý/{CaoLanhNfd}/UBND xã Mỹ Hiệp", LastSeen: Seen.AddDays(-20)),
        new("a1f3-0003", "LAPTOP \"CHỦ TỊCH\"\r\nphòng họp", "Thiết bị được quản lý/Thành phố Sa Đéc/Phường 1", Product: "Bkav Pro", Version: "5.0", LastSeen: Seen, Active: false),
    ];

    [Fact]
    public void A_Kaspersky_report_in_UTF8_with_a_BOM_is_read_below_its_title_lines()
    {
        var report = ConsoleReportReader.Read(ConsoleExports.Utf8(ConsoleExports.KasperskyCsv(Devices()), bom: true), ConsoleMapping.Kaspersky, Options, TestContext.Current.CancellationToken);

        report.FileIssue.ShouldBeNull();
        report.Devices.Count.ShouldBe(3);
        report.Devices[0].DeviceId.ShouldBe("a1f3-0001");
        report.Devices[0].LastSeenUtc.ShouldBe(Seen);
        report.Devices[1].Name.ShouldBe("PC-VANTHU, tầng 2");
        report.Devices[2].Name.ShouldBe("LAPTOP \"CHỦ TỊCH\" phòng họp");
        report.Devices[2].Active.ShouldBeFalse();
        report.Devices[0].Active.ShouldBeTrue();
        report.Refused.ShouldBeEmpty();
    }

    [Fact]
    public void Group_names_in_NFC_and_NFD_are_one_group()
    {
        var report = ConsoleReportReader.Read(ConsoleExports.Utf8(ConsoleExports.KasperskyCsv(Devices()), bom: false), ConsoleMapping.Kaspersky, Options, TestContext.Current.CancellationToken);

        report.Groups().ShouldContain(new GroupCount($"Thiết bị được quản lý/{CaoLanhNfc}/UBND xã Mỹ Hiệp", 2));
        report.Groups().Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void A_report_in_UTF16_is_detected_with_or_without_its_mark(bool bigEndian, bool bom)
    {
        var bytes = ConsoleExports.Utf16(ConsoleExports.KasperskyCsv(Devices(), delimiter: '\t'), bom, bigEndian);

        var report = ConsoleReportReader.Read(bytes, ConsoleMapping.Kaspersky, Options, TestContext.Current.CancellationToken);

        report.FileIssue.ShouldBeNull();
        report.Devices.Select(d => d.Group).ShouldContain($"Thiết bị được quản lý/{CaoLanhNfc}/UBND xã Mỹ Hiệp");
        report.Devices.Count.ShouldBe(3);
    }

    [Fact]
    public void An_ESET_report_in_semicolons_with_its_separator_hint_is_read()
    {
        var report = ConsoleReportReader.Read(ConsoleExports.Utf8(ConsoleExports.EsetCsv(Devices()), bom: true), ConsoleMapping.Eset, Options, TestContext.Current.CancellationToken);

        report.FileIssue.ShouldBeNull();
        report.Devices.Count.ShouldBe(3);
        report.Devices[1].Name.ShouldBe("PC-VANTHU, tầng 2");
        report.Devices[1].LastSeenUtc.ShouldBe(Seen.AddDays(-20));
        report.Devices[2].Active.ShouldBeFalse(); // ESET lists no active product for it
        report.Devices[0].Product.ShouldBe("Kaspersky Endpoint Security for Windows");
    }

    [Fact]
    public void A_semicolon_report_is_detected_without_a_hint()
    {
        var csv = ConsoleExports.KasperskyCsv(Devices(), delimiter: ';');

        var report = ConsoleReportReader.Read(ConsoleExports.Utf8(csv, bom: false), ConsoleMapping.Kaspersky, Options, TestContext.Current.CancellationToken);

        report.Devices.Count.ShouldBe(3);
        report.Devices[1].Name.ShouldBe("PC-VANTHU, tầng 2");
    }

    [Fact]
    public void A_device_listed_twice_is_one_device_as_it_was_seen_last()
    {
        var devices = Devices();
        devices.Add(devices[0] with { Id = "A1F3-0001", Group = "Thiết bị được quản lý/Thành phố Sa Đéc/Phường 1", LastSeen = Seen.AddHours(1) });
        devices.Add(devices[1] with { LastSeen = Seen.AddDays(-40), Group = "Cũ" });

        var report = ConsoleReportReader.Read(ConsoleExports.Utf8(ConsoleExports.KasperskyCsv(devices), bom: false), ConsoleMapping.Kaspersky, Options, TestContext.Current.CancellationToken);

        report.Devices.Count.ShouldBe(3);
        report.Duplicates.ShouldBe(2);
        report.Devices.Single(d => d.DeviceId.Equals("a1f3-0001", StringComparison.OrdinalIgnoreCase)).Group.ShouldBe("Thiết bị được quản lý/Thành phố Sa Đéc/Phường 1");
        report.Devices.Single(d => d.DeviceId == "a1f3-0002").LastSeenUtc.ShouldBe(Seen.AddDays(-20));
    }

    [Fact]
    public void Rows_without_an_id_a_group_or_a_readable_time_are_refused_with_their_row()
    {
        var csv = ConsoleExports.KasperskyCsv(Devices()) + ",PC-KHONG-MA,Nhóm A,KES,12,,1,\r\nb-2,PC-2,,KES,12,,1,\r\nb-3,PC-3,Nhóm A,KES,12,hôm qua,1,\r\n";

        var report = ConsoleReportReader.Read(ConsoleExports.Utf8(csv, bom: false), ConsoleMapping.Kaspersky, Options, TestContext.Current.CancellationToken);

        report.Devices.Count.ShouldBe(3);
        // Title, server, blank, header, three devices of which one spans two lines: the first refused row is line 9.
        report.Refused.Select(r => (r.Row, r.ApiCode)).ShouldBe([(9, "device-id-required"), (10, "device-group-required"), (11, "device-last-seen-unreadable")]);
    }

    [Fact]
    public void An_xlsx_report_is_read_from_its_stored_values()
    {
        var report = ConsoleReportReader.Read(ConsoleExports.KasperskyXlsx(Devices()), ConsoleMapping.Kaspersky, Options, TestContext.Current.CancellationToken);

        report.FileIssue.ShouldBeNull();
        report.Devices.Count.ShouldBe(3);
        report.Devices[0].Row.ShouldBe(4);
        report.Devices[1].Group.ShouldBe($"Thiết bị được quản lý/{CaoLanhNfc}/UBND xã Mỹ Hiệp");
        report.Devices[0].LastSeenUtc!.Value.ShouldBe(Seen, TimeSpan.FromSeconds(1)); // a time without offset is Vietnam time
    }

    [Fact]
    public void A_formula_in_an_xlsx_report_is_read_as_its_stored_text_never_evaluated()
    {
        var file = WorkbookFiles.Edit(ConsoleExports.KasperskyXlsx(Devices()), workbook =>
            workbook.Worksheet(1).Cell(4, 2).FormulaA1 = "HYPERLINK(\"http://example.invalid\",\"PC\")");

        var report = ConsoleReportReader.Read(file, ConsoleMapping.Kaspersky, Options, TestContext.Current.CancellationToken);

        report.FileIssue.ShouldBeNull();
        report.Devices[0].Name.ShouldNotContain("example.invalid");
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var csv = ConsoleExports.KasperskyCsv(Devices()).Replace("KLLICSRV_HOST_GRPNAME", "GROUP", StringComparison.Ordinal);

        var report = ConsoleReportReader.Read(ConsoleExports.Utf8(csv, bom: false), ConsoleMapping.Kaspersky, Options, TestContext.Current.CancellationToken);

        report.FileIssue!.ApiCode.ShouldBe("report-column-missing");
        report.FileIssue.Found.ShouldBe("KLLICSRV_HOST_GRPNAME");
    }

    [Fact]
    public void A_Kaspersky_report_without_its_last_visible_column_is_read_with_the_last_seen_unknown()
    {
        var csv = ConsoleExports.KasperskyCsv(Devices(), withLastSeen: false);
        csv.ShouldNotContain(ConsoleExports.KasperskyLastSeenColumn);

        var report = ConsoleReportReader.Read(ConsoleExports.Utf8(csv, bom: true), ConsoleMapping.Kaspersky, Options, TestContext.Current.CancellationToken);

        report.FileIssue.ShouldBeNull();
        report.Refused.ShouldBeEmpty();
        report.Devices.Select(d => d.DeviceId).ShouldBe(["a1f3-0001", "a1f3-0002", "a1f3-0003"]);
        report.Devices.ShouldAllBe(d => d.LastSeenUtc == null);
        report.Devices[0].Version.ShouldBe("12.3.0.493");
        report.Devices[2].Active.ShouldBeFalse();
    }

    [Fact]
    public void Without_the_last_visible_column_a_required_column_missing_is_still_refused_by_name()
    {
        var csv = ConsoleExports.KasperskyCsv(Devices(), withLastSeen: false).Replace("KLLICSRV_PRODUCT", "APPLICATION", StringComparison.Ordinal);

        var report = ConsoleReportReader.Read(ConsoleExports.Utf8(csv, bom: false), ConsoleMapping.Kaspersky, Options, TestContext.Current.CancellationToken);

        report.IsReadable.ShouldBeFalse();
        report.FileIssue!.Code.ShouldBe(DeploymentErrorCode.ReportColumnMissing);
        report.FileIssue.Found.ShouldBe("KLLICSRV_PRODUCT");
        report.Devices.ShouldBeEmpty();
    }

    public static TheoryData<string, string> HostileFiles_() => new()
    {
        { "legacy-xls", "legacy-xls" },
        { "encrypted", "password-protected" },
        { "zip-bomb", "suspicious-compression" },
        { "entity", "forbidden-xml" },
        { "windows-1258", "report-encoding-unknown" },
        { "binary", "report-binary" },
        { "unterminated", "report-unterminated-quote" },
        { "too-large", "file-too-large" },
        { "pdf", "report-column-missing" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles_))]
    public void A_hostile_or_unreadable_file_is_refused_as_a_whole(string kind, string code)
    {
        var file = kind switch
        {
            "legacy-xls" => HostileFiles.LegacyXls(),
            "encrypted" => HostileFiles.EncryptedXlsx(),
            "zip-bomb" => HostileFiles.Zeros(80L * 1024 * 1024),
            "entity" => WorkbookFiles.ReplacePart(ConsoleExports.KasperskyXlsx(Devices()), "xl/workbook.xml", HostileFiles.WithExternalEntity),
            "windows-1258" => [.. "KLLICSRV_HOSTNAME,KLLICSRV_HOSTDN\r\nx,Hi"u8, 0xEA, 0xD2, 0x75],
            "binary" => [.. "KLLICSRV_HOSTNAME\0\0\0\0\0\0"u8, 0x01, 0x02],
            "unterminated" => ConsoleExports.Utf8(ConsoleExports.KasperskyCsv(Devices()) + "\"b-1,PC", bom: false),
            "too-large" => new byte[(int)Options.MaxFileBytes + 1],
            _ => HostileFiles.Pdf(),
        };

        var report = ConsoleReportReader.Read(file, ConsoleMapping.Kaspersky, Options, TestContext.Current.CancellationToken);

        report.IsReadable.ShouldBeFalse();
        report.FileIssue!.ApiCode.ShouldBe(code);
        report.Devices.ShouldBeEmpty();
        DeploymentMessages.Describe(report.FileIssue, System.Globalization.CultureInfo.GetCultureInfo("vi-VN")).ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Every_deployment_issue_has_a_message_in_both_languages()
    {
        foreach (var code in Enum.GetValues<DeploymentErrorCode>())
        {
            var issue = new DeploymentIssue(code) { Found = "Nhóm A", Limit = 1000 };
            var vietnamese = DeploymentMessages.Describe(issue, System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
            var english = DeploymentMessages.Describe(issue, System.Globalization.CultureInfo.GetCultureInfo("en-US"));
            english.ShouldNotBe(vietnamese, code.ToString());
            vietnamese.ShouldNotContain("{");
        }
    }
}
