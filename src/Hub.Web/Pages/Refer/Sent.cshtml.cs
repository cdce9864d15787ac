using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Refer;

public sealed class SentModel : PageModel
{
    public string? Reference { get; private set; }

    public void OnGet()
    {
        // Peek, so a refresh of this page still shows the reference.
        Reference = TempData.Peek(IndexModel.ReferenceKey) as string;
    }
}
