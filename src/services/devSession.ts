/** @module Dev sign-in of the local runtime (H5 only): pick a persona, get a signed session cookie. */
export interface Persona {
  id: string
  name: string
  description: string
}

export async function listPersonas(): Promise<{ personas: Persona[]; current: string | null }> {
  const res = await fetch('/__dev/personas', { credentials: 'same-origin' })
  return res.json()
}

export async function signInAs(persona: string): Promise<void> {
  await fetch('/__dev/login', { method: 'POST', credentials: 'same-origin', body: JSON.stringify({ persona }) })
}

export async function signOut(): Promise<void> {
  await fetch('/__dev/logout', { method: 'POST', credentials: 'same-origin' })
}
