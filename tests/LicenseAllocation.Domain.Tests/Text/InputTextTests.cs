using System.Text;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Text;
using LicenseAllocation.Domain.Units;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Text;

public sealed class InputTextTests
{
    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200B\u200C\u200D\u2060")]
    [InlineData("Xã\u0000An")]
    [InlineData("Xã\u001B[31mAn")]
    [InlineData("Phường \u202E11")]
    [InlineData("Phường 11\u2066")]
    [InlineData("\uFEFFXã Mỹ An")]
    [InlineData("\u3164")]
    [InlineData("\u0301\u0301")]
    [InlineData("Chuyển\u00AD bớt")]
    public void Control_format_bidirectional_and_invisible_text_is_refused(string text)
    {
        InputText.Check(text).ShouldBe(AllocationError.InvalidCharacters());
        ChangeReason.Check(text).ShouldBe(AllocationError.InvalidCharacters());
        UnitName.Check(text).ShouldBe(AllocationError.InvalidCharacters());
        PlanName.Check(text).ShouldBe(AllocationError.InvalidCharacters());
        DocumentReference.Check(text).ShouldBe(AllocationError.InvalidCharacters());
        OfficialDocument.CheckNumber(text).ShouldBe(AllocationError.InvalidCharacters());
    }

    [Theory]
    [InlineData("Xã \u0410n Bình")]
    [InlineData("Phường 1, \u0421ao Lãnh")]
    [InlineData("\u039Fng")]
    [InlineData("Công văn số 12/UBND-V\u0425")]
    public void A_word_mixing_Latin_with_Cyrillic_or_Greek_look_alikes_is_refused(string text)
    {
        InputText.Check(text).ShouldBe(AllocationError.MixedScript());
        UnitName.Check(text).ShouldBe(AllocationError.MixedScript());
        DocumentReference.Check(text).ShouldBe(AllocationError.MixedScript());
    }

    [Theory]
    [InlineData("Xã Mỹ An")]
    [InlineData("Sở TT&TT tỉnh Đồng Tháp")]
    [InlineData("Công văn số 1234/STTTT-CNTT ngày 01/12/2020")]
    [InlineData("Москва")]
    [InlineData("Chuyển\tbớt\nvề dự phòng")]
    [InlineData("Δ5 bản quyền")]
    public void Vietnamese_and_text_in_one_script_a_word_are_accepted(string text) => InputText.Check(text).ShouldBeNull();

    [Fact]
    public void A_name_typed_in_NFD_is_stored_in_NFC_and_is_the_same_name_whatever_its_case()
    {
        var decomposed = "Xã Mỹ An".Normalize(NormalizationForm.FormD);

        InputText.Check(decomposed).ShouldBeNull();
        UnitName.Normalize(decomposed).ShouldBe("Xã Mỹ An".Normalize(NormalizationForm.FormC));
        InputText.SameName(decomposed, "XÃ MỸ  AN").ShouldBeTrue();
        InputText.SameName("Xã Mỹ An", "Xã Mỹ Anh").ShouldBeFalse();
        AuditEntry.Event(1, 2, "admin", DateTime.UtcNow, AuditAction.UnitRenamed, decomposed, Guid.NewGuid()).Reason.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("can-bo.cao_lanh@stttt", true)]
    [InlineData("", false)]
    [InlineData("cán-bộ", false)]
    [InlineData("admin\u200B", false)]
    [InlineData("a b", false)]
    public void A_user_name_is_a_short_word_of_safe_characters(string userName, bool accepted) =>
        (AccountName.Check(userName) is null).ShouldBe(accepted);

    [Fact]
    public void A_user_name_has_at_most_64_characters()
    {
        AccountName.Check(new string('a', AccountName.MaxLength)).ShouldBeNull();
        AccountName.Check(new string('a', AccountName.MaxLength + 1)).ShouldBe(AllocationError.InvalidUserName());
        AccountName.Check(new string('a', 10_000)).ShouldBe(AllocationError.InvalidUserName());
    }
}
