using Hub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hub.Web.Pages.Benchmark;

/// <summary>
/// The throughput benchmark's fair yardstick (tests/Hub.Benchmarks/throughput.sh): a Razor Pages
/// POST through the whole pipeline the public form goes through (routing, rate limiter, antiforgery
/// on the posted form, model binding, page filters) that does one INSERT and redirects, as "Send my
/// request" does. It has a route only when the bare-insert yardstick is switched on, which the host
/// refuses outside the Benchmark environment (<see cref="Hub.Web.Benchmark.BareInsertEndpoint"/>);
/// the table is created by the benchmark, never by the hub.
/// </summary>
public sealed class FormInsertModel(HubDbContext db, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"INSERT INTO benchmark_inserts (id, received_at) VALUES ({Guid.NewGuid()}, {clock.GetUtcNow()})", cancellationToken);
        return RedirectToPage("/Refer/Sent");
    }
}
