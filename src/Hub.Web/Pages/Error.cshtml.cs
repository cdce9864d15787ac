using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";
    public string Message { get; private set; } = "Try again later. If you were filling in a form, go back: your answers should still be there.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        switch (code)
        {
            case 400:
                Title = "We could not accept this form";
                Message = "It may have expired (for your security, forms stop working after a while) or contained characters we cannot read. Go back, check your answers and send them again. Nothing has been sent yet.";
                break;
            case 403:
                Title = "You do not have access to this page";
                Message = "If you think you should, speak to your team leader.";
                break;
            case 404:
                Title = "Page not found";
                Message = "If you typed the web address, check it is correct.";
                break;
        }
        if (code is >= 400 and < 600)
        {
            Response.StatusCode = code.Value;
        }
    }
}
