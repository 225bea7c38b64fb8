const quick = process.argv.includes('--quick')
console.log(`benchmarks (${quick ? 'quick' : 'full'}): none yet`)
