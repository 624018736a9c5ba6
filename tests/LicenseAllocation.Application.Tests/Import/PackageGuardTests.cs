using System.Text;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Import;

/// <summary>The checks that run on an upload's bytes before, and beside, any XML parser.</summary>
public sealed class PackageGuardTests
{
    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void A_declaration_is_found_in_any_encoding_of_an_XML_part(string encoding)
    {
        var bytes = Encoding.GetEncoding(encoding).GetBytes("<?xml version=\"1.0\"?><!doctype sst [<!ENTITY x \"y\">]><sst/>");

        new DeclarationScanner().Finds(bytes).ShouldBeTrue();
    }

    [Fact]
    public void A_declaration_split_across_two_chunks_is_found()
    {
        var bytes = Encoding.UTF8.GetBytes(new string(' ', 1000) + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">");
        var scanner = new DeclarationScanner();

        scanner.Finds(bytes.AsSpan(0, 1004)).ShouldBeFalse();
        scanner.Finds(bytes.AsSpan(1004)).ShouldBeTrue();
    }

    [Fact]
    public void Ordinary_markup_with_comments_and_character_data_is_not_taken_for_a_declaration()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!-- Excel --><sheetData><![CDATA[<!DOCTYP]]></sheetData>");

        new DeclarationScanner().Finds(bytes).ShouldBeFalse();
    }

    [Fact]
    public void The_spreadsheet_reader_itself_refuses_a_DTD_should_one_get_past_the_scan()
    {
        // Straight to the reader, without the guard: the OpenXML SDK must not process the DTD (no entity expansion).
        using var template = new MemoryStream();
        TemplateWorkbook.Write(new TemplateDocument(1, "Kế hoạch", 2, "Đơn vị", null, 10, [new TemplateRow(1, "1", "Xã A", 1)]), template);
        var hostile = WorkbookFiles.ReplacePart(template.ToArray(), "xl/sharedStrings.xml", HostileFiles.WithExternalEntity);

        var (sheets, issue) = WorkbookCells.Read(hostile, new ImportOptions(), TestContext.Current.CancellationToken);

        sheets.ShouldBeEmpty();
        issue.ShouldNotBeNull().Code.ShouldBe(ImportErrorCode.DamagedFile);
    }

    [Fact]
    public void The_central_directory_is_judged_before_any_part_is_decompressed()
    {
        var limits = new ImportOptions { MaxParts = 10 };

        XlsxPackageGuard.Check(HostileFiles.ManyEntries(11), limits).ShouldNotBeNull().Code.ShouldBe(ImportErrorCode.TooManyParts);
        XlsxPackageGuard.Check(HostileFiles.ManyEntries(11), new ImportOptions()).ShouldNotBeNull().Code.ShouldBe(ImportErrorCode.NotXlsx);
    }
}
