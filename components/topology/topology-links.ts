/** Where each kind of topology node leads: its detail page. */
export const hrefs = {
  network: (id: string) => `/project/network/networks/${encodeURIComponent(id)}`,
  router: (id: string) => `/project/network/routers/${encodeURIComponent(id)}`,
  instance: (id: string) => `/project/compute/instances/${encodeURIComponent(id)}`,
};
