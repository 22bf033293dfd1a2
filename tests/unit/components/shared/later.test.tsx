import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import { later } from '@/components/shared/later';

const container = document.createElement('div');
afterEach(() => render(null, container));

function Greeting({ name }: { name: string }) {
  return <p>你好，{name}</p>;
}

it('shows nothing until its code has loaded, then the component with its props; loads once', async () => {
  let resolve: (c: typeof Greeting) => void = () => undefined;
  const load = vi.fn(() => new Promise<typeof Greeting>((r) => (resolve = r)));
  const Later = later(load);
  await act(async () => render(<Later name="王建国" />, container));
  expect(container.textContent).toBe('');
  resolve(Greeting);
  await vi.waitFor(() => expect(container.textContent).toBe('你好，王建国'));
  // Shown again (another mount): at once, from the loaded code.
  render(null, container);
  await act(async () => render(<Later name="李红梅" />, container));
  expect(container.textContent).toBe('你好，李红梅');
  expect(load).toHaveBeenCalledTimes(1);
});

it('a failed import shows nothing and is tried again at the next mount', async () => {
  const load = vi
    .fn<() => Promise<typeof Greeting>>()
    .mockRejectedValueOnce(new Error('chunk gone'))
    .mockResolvedValueOnce(Greeting);
  const Later = later(load);
  await act(async () => render(<Later name="王建国" />, container));
  expect(container.textContent).toBe('');
  render(null, container);
  await act(async () => render(<Later name="王建国" />, container));
  await vi.waitFor(() => expect(container.textContent).toBe('你好，王建国'));
  expect(load).toHaveBeenCalledTimes(2);
});
