// Each browser test class starts its own hub, database and Chromium pages. On a two-core machine,
// running them side by side starves the pages of CPU and navigations time out; one class at a time
// keeps the journeys reliable, while the other test assemblies still run alongside.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
