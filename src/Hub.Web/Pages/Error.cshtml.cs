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
            case 409:
                Title = "We could not make that change";
                Message = "The record is no longer as it was when you opened the page (someone may have changed it). Go back, reload the page, check it and try again.";
                break;
            case 423:
                Title = "This record cannot be changed";
                Message = "Processing is restricted for this person, so their record can be read but not changed. Nothing was saved. A team leader can see why, and lift the restriction, under Personal data on the person's record.";
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
