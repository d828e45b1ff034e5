# loop.add_signal_handler / remove_signal_handler (Unix selector loop).
import asyncio, os, signal
async def main():
    loop = asyncio.get_running_loop()
    got = loop.create_future()
    loop.add_signal_handler(signal.SIGUSR1, lambda: got.set_result('usr1'))
    os.kill(os.getpid(), signal.SIGUSR1)
    print(await asyncio.wait_for(got, 5))
    print(loop.remove_signal_handler(signal.SIGUSR1), loop.remove_signal_handler(signal.SIGUSR1))
    try:
        loop.add_signal_handler(signal.SIGUSR1, main)
    except TypeError as e:
        print('TypeError', e)
asyncio.run(main())
