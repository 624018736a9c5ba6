using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Allocation;

public sealed partial class QuantityEditor
{
    // The fields stop where the domain's rules would refuse; the service still checks, and explains, on save.
    private const int ReasonMaxLength = ChangeReason.MaxLength;
    private const int DocumentRefMaxLength = DocumentReference.MaxLength;

    private int _quantity;
    private string? _reason;
    private string? _documentRef;

    [Inject]
    private IStringLocalizer<Resources.Allocation> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public UnitNodeView Node { get; set; } = default!;

    [Parameter]
    public int? ParentRemaining { get; set; }

    [Parameter]
    public bool Saving { get; set; }

    [Parameter]
    public string? Refusal { get; set; }

    [Parameter]
    public EventCallback<QuantityEdit> OnSave { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    protected override void OnInitialized() => _quantity = Node.Quantity;

    private string Hint => ParentRemaining is { } remaining ? Loc[nameof(Resources.Allocation.AtMost), Ui.N(Node.Quantity + remaining)] : string.Empty;

    // The service checks the reason and the document's length; the page sends them as typed so the message comes from one place.
    private Task SaveAsync() => Saving ? Task.CompletedTask : OnSave.InvokeAsync(new QuantityEdit(_quantity, _reason ?? string.Empty, _documentRef));

    private Task OnKeyDownAsync(KeyboardEventArgs key) => key.Key switch
    {
        "Enter" or "NumpadEnter" => SaveAsync(),
        "Escape" => OnCancel.InvokeAsync(),
        _ => Task.CompletedTask,
    };
}
