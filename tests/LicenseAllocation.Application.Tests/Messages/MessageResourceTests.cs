using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Messages;

/// <summary>
/// The messages are resources keyed by the API code: every code has its sentence in Vietnamese (the neutral resource) and
/// in English (the satellite, not a fallback to Vietnamese), and the numbers come out in the reader's culture.
/// </summary>
public sealed partial class MessageResourceTests
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static TheoryData<AllocationErrorCode> AllocationCodes() => [.. Enum.GetValues<AllocationErrorCode>()];

    public static TheoryData<ImportErrorCode> ImportCodes() => [.. Enum.GetValues<ImportErrorCode>()];

    public static TheoryData<ReorganisationFileErrorCode> ReorganisationFileCodes() => [.. Enum.GetValues<ReorganisationFileErrorCode>()];

    [Theory]
    [MemberData(nameof(ReorganisationFileCodes))]
    public void Every_reorganisation_file_issue_has_a_message_in_both_languages(ReorganisationFileErrorCode code)
    {
        ShouldHaveBothLanguages(TextResources.ErrorMessages, code.ApiCode());

        var issue = new ReorganisationIssue(code, 12) { Found = "29869", OtherRow = 7, Limit = 2000 };
        var vietnamese = issue.Describe(Vietnamese);
        issue.Describe(English).ShouldNotBe(vietnamese);
        vietnamese.ShouldNotContain("{");
    }

    [Theory]
    [MemberData(nameof(AllocationCodes))]
    public void Every_refusal_has_a_message_in_both_languages(AllocationErrorCode code)
    {
        ShouldHaveBothLanguages(TextResources.ErrorMessages, code.ApiCode());

        var error = new AllocationError(code, 6000, 5137, 5137);
        var vietnamese = RefusalMessages.Describe(error, Vietnamese);
        var english = RefusalMessages.Describe(error, English);
        vietnamese.ShouldNotBeNullOrWhiteSpace();
        english.ShouldNotBeNullOrWhiteSpace();
        english.ShouldNotBe(vietnamese);
        vietnamese.ShouldNotContain("{");
    }

    [Theory]
    [MemberData(nameof(ImportCodes))]
    public void Every_import_issue_has_a_message_in_both_languages(ImportErrorCode code)
    {
        ShouldHaveBothLanguages(TextResources.ErrorMessages, code.ApiCode());

        var issue = new ImportIssue(code) { Found = "12.5", Limit = 5137, Actual = 6000, Unit = "Phường 11", Refusal = AllocationError.ExceedsParent(350, 300, 300) };
        var vietnamese = ImportMessages.Describe(issue, Vietnamese);
        var english = ImportMessages.Describe(issue, English);
        vietnamese.ShouldNotBeNullOrWhiteSpace();
        english.ShouldNotBe(vietnamese);
        vietnamese.ShouldNotContain("{");
    }

    [Fact]
    public void The_variants_of_an_import_message_have_both_languages_too()
    {
        foreach (var key in new[] { "wrong-unit.unrecognised", "unknown-unit.code", "unknown-unit.name" })
        {
            ShouldHaveBothLanguages(TextResources.ErrorMessages, key);
        }
    }

    [Fact]
    public void Refusal_and_import_codes_name_different_things()
    {
        Enum.GetValues<AllocationErrorCode>().Select(c => c.ApiCode())
            .Intersect(Enum.GetValues<ImportErrorCode>().Select(c => c.ApiCode()))
            .ShouldBeEmpty();
        Enum.GetValues<ReorganisationFileErrorCode>().Select(c => c.ApiCode())
            .Intersect(Enum.GetValues<AllocationErrorCode>().Select(c => c.ApiCode()).Concat(Enum.GetValues<ImportErrorCode>().Select(c => c.ApiCode())))
            .ShouldBeEmpty();
    }

    [Fact]
    public void A_refusal_quotes_its_numbers_as_the_reader_writes_them()
    {
        var error = AllocationError.ExceedsParent(6000, 5137, 5137);

        RefusalMessages.Describe(error, Vietnamese).ShouldBe(
            "Vượt quá số lượng của đơn vị cấp trên: đơn vị cấp trên chỉ còn 5.137 bản quyền chưa phân bổ, nên đơn vị này được nhận tối đa 5.137 (đã nhập 6.000).");
        RefusalMessages.Describe(error, English).ShouldBe(
            "Exceeds the parent's quota: the parent has only 5,137 licences left, so this unit can receive at most 5,137 (you entered 6,000).");
    }

    [Fact]
    public void A_length_refusal_quotes_the_domain_limit()
    {
        RefusalMessages.Describe(AllocationError.ReasonRequired(), Vietnamese).ShouldBe("Vui lòng nhập lý do thay đổi (không quá 1.000 ký tự).");
        RefusalMessages.Describe(AllocationError.ReasonRequired(), English).ShouldBe("Please give a reason for the change (at most 1,000 characters).");
        RefusalMessages.Describe(AllocationError.InvalidPlanName(), Vietnamese).ShouldBe("Tên kế hoạch phải có từ 1 đến 300 ký tự.");
        RefusalMessages.Describe(AllocationError.DocumentNumberRequired(), English)
            .ShouldBe("Please give the number of the publishing letter (at most 64 characters), for example 125/STTTT-CNTT.");
        RefusalMessages.Describe(AllocationError.InvalidYear(1999), Vietnamese).ShouldBe("Năm của kế hoạch phải từ 2000 đến 2100 (đã nhập 1999).");
    }

    [Fact]
    public void A_reader_of_another_language_gets_Vietnamese()
    {
        RefusalMessages.Describe(AllocationError.PlanLocked(), CultureInfo.GetCultureInfo("fr-FR"))
            .ShouldBe(RefusalMessages.Describe(AllocationError.PlanLocked(), Vietnamese));
        RefusalMessages.Describe(AllocationError.PlanLocked(), CultureInfo.InvariantCulture)
            .ShouldBe(RefusalMessages.Describe(AllocationError.PlanLocked(), Vietnamese));
    }

    [Fact]
    public void Every_audit_action_and_verdict_has_words_in_both_languages()
    {
        foreach (var action in Enum.GetValues<AuditAction>())
        {
            ShouldHaveBothLanguages(TextResources.AuditTexts, $"AuditAction_{action}");
            AuditActionText.Of(action, English).ShouldNotBe(AuditActionText.Of(action, Vietnamese));
        }

        foreach (var key in Enum.GetValues<AuditChainProblem>().Select(p => $"Verdict_{p}").Append("Verdict_Intact"))
        {
            ShouldHaveBothLanguages(TextResources.AuditTexts, key);
        }

        AuditVerdictText.Describe(new AuditChainVerdict(true, 5137, null, null, null, "x", KeyedSealsChecked: true), English)
            .ShouldBe("The audit trail is intact: 5,137 rows checked, the hash chain runs unbroken from the first row to the last.");
    }

    [Theory]
    [InlineData("ErrorMessages")]
    [InlineData("AuditTexts")]
    public void Both_languages_have_the_same_keys_and_placeholders(string resource)
    {
        var manager = resource == "ErrorMessages" ? TextResources.ErrorMessages : TextResources.AuditTexts;
        var vietnamese = Entries(manager, CultureInfo.InvariantCulture);
        var english = Entries(manager, CultureInfo.GetCultureInfo("en"));

        english.Keys.Order().ShouldBe(vietnamese.Keys.Order());
        foreach (var (key, text) in vietnamese)
        {
            Placeholders(english[key]).ShouldBe(Placeholders(text), $"{resource}: {key}");
        }
    }

    /// <summary>The key is in the neutral (Vietnamese) resource and in the English satellite itself, not only by fallback.</summary>
    private static void ShouldHaveBothLanguages(ResourceManager manager, string key)
    {
        Entries(manager, CultureInfo.InvariantCulture).GetValueOrDefault(key).ShouldNotBeNullOrWhiteSpace($"{key} in Vietnamese");
        Entries(manager, CultureInfo.GetCultureInfo("en")).GetValueOrDefault(key).ShouldNotBeNullOrWhiteSpace($"{key} in English");
    }

    private static Dictionary<string, string> Entries(ResourceManager manager, CultureInfo culture) =>
        manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false).ShouldNotBeNull($"{manager.BaseName} for '{culture.Name}'")
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);

    private static string[] Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
